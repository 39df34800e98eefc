import Foundation
import Testing
import TestSupport

/// The studio in a real browser (headless Chromium over WebDriver), as a physiotherapist uses it.
@Suite(.serialized)
struct StudioBrowserTests {
    @Test func chooseChangeTypeAnErrorAndDownload() async throws {
        let downloads = try ExternalTool.temporaryFolder()
        // The server as it is deployed: `routinecard serve` in a process of its own.
        let port = Int.random(in: 40_001...50_000)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: try ExternalTool.builtProduct("routinecard"))
        server.arguments = ["serve", "--port", "\(port)"]
        let log = downloads.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        server.standardError = try FileHandle(forWritingTo: log)
        server.standardOutput = FileHandle.nullDevice
        try server.run()
        defer {
            // SIGTERM: the server finishes what is in flight and exits.
            server.terminate()
            server.waitUntilExit()
        }
        for _ in 0..<100 where try ExternalTool.run("curl", ["-s", "http://127.0.0.1:\(port)/healthz"]).output != #"{"status":"ok"}"# {
            try await Task.sleep(for: .milliseconds(100))
        }
        let browser = try await WebDriver(downloads: downloads)
        do {
            try await browser.open("http://127.0.0.1:\(port)/")
            // The page starts from the leg-cramp routine and shows its preview.
            try await browser.wait("the first preview", for: "return document.getElementById('card').src.startsWith('blob:')")
            let first = try await browser.run("return document.getElementById('card').src") as? String

            // Choose another built-in and start from it: the editor and the preview change.
            _ = try await browser.run("document.getElementById('builtin').value = 'night-cramps'")
            try await browser.click("#start")
            try await browser.wait("the night-cramps routine", for: "return document.getElementById('source').value.includes('Night Cramp')")
            try await browser.wait("a new preview", for: "return document.getElementById('card').src !== '\(first ?? "")'")

            // The handout template: an A4-shaped preview.
            let before = try await browser.run("return document.getElementById('card').src") as? String
            _ = try await browser.run("const s = document.getElementById('template'); s.value = 'sheet'; s.dispatchEvent(new Event('change'))")
            try await browser.wait("the sheet preview", for: "return document.getElementById('card').src !== '\(before ?? "")'")
            let ratio = try await browser.wait(
                "an A4 image", for: "const i = document.getElementById('card'); return i.naturalWidth ? i.naturalHeight / i.naturalWidth : 0")
            #expect(abs(((ratio as? Double) ?? 0) - 297.0 / 210.0) < 0.02)

            // Type an error: the problem is listed with its line and column, and clicking it goes there.
            _ = try await browser.run("const t = document.getElementById('source'); t.focus(); t.setSelectionRange(t.value.length, t.value.length)")
            try await browser.type("\ndisclaimer: [unclosed", into: "#source")
            let problem = try await browser.wait(
                "a diagnostic", for: "const b = document.querySelector('#diagnostics .diagnostic'); return b ? b.textContent : ''")
            let text = try #require(problem as? String)
            #expect(text.range(of: #"^\d+:\d+: "#, options: .regularExpression) != nil, "\(text)")
            let line = Int(text.split(separator: ":")[0]) ?? 0
            try await browser.click("#diagnostics .diagnostic")
            let caretLine =
                try await browser.run(
                    "const t = document.getElementById('source'); return t.value.slice(0, t.selectionStart).split('\\n').length") as? Int
            // A parser may point just past the last line (the end of the file): the caret goes to the end.
            let lineCount = try await browser.run("return document.getElementById('source').value.split('\\n').length") as? Int ?? 0
            #expect(caretLine == min(line, lineCount) && line > 1)
            try await browser.screenshot(to: downloads.appendingPathComponent("studio.png"))

            // Mend it and download the PDF; pdfinfo reads it.
            _ = try await browser.run(
                "const t = document.getElementById('source'); t.value = t.value.replace('\\ndisclaimer: [unclosed', ''); t.dispatchEvent(new Event('input'))")
            try await browser.wait("no problems", for: "return document.getElementById('diagnostics').textContent.includes('No problems')")
            try await browser.click("[data-format='pdf']")
            let pdf = downloads.appendingPathComponent("night-cramps.pdf")
            for _ in 0..<200 where !FileManager.default.fileExists(atPath: pdf.path) { try await Task.sleep(for: .milliseconds(100)) }
            let info = try ExternalTool.run("pdfinfo", [pdf.path])
            #expect(info.status == 0 && ExternalTool.field("Title", in: info.output) == "Night Cramp Bedtime Routine")
            #expect(ExternalTool.field("Page size", in: info.output)?.hasPrefix("595.276 x 841.89") == true, "the handout on A4")
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
        // One access line per request, with its status and time.
        let lines = try String(contentsOf: log, encoding: .utf8)
        #expect(lines.contains("GET / 200") && lines.contains("POST /api/render 200") && lines.contains("id="), "\(lines.suffix(600))")
    }
}
