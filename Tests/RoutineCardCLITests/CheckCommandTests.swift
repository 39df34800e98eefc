import Foundation
import Testing
import TestSupport

/// Preflight through the CLI: each finding from a routine crafted to trigger it, and clean built-ins.
struct CheckCommandTests: CLITest {
    let cli: CLIHarness
    init() throws { cli = try CLIHarness() }

    func findings(_ result: ToolResult) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [[String: Any]])
    }

    @Test(arguments: ["fridge", "sheet", "wallet"])
    func everyBuiltInRoutineIsCleanInEveryTemplate(template: String) throws {
        for id in ["leg-cramps", "night-cramps", "desk-break", "runner-cooldown", "knee-care"] {
            let result = try run(["check", id, "--template", template, "--json"])
            // The built-ins are what a new user prints first: each fits its cards at the designed
            // size (a note that it runs over well-filled cards is no fault).
            let found = try findings(result).filter { $0["severity"] as? String != "note" }
            #expect(found.isEmpty, "\(id) \(template): \(found)")
            #expect(result.status == 0)
            if template == "fridge" { #expect(try run(["check", id, "--strict"]).status == 0, "\(id): --strict refuses a note") }
        }
    }

    @Test func aCharacterNoFontCanDrawIsNamedWithItsCodePointAndPlace() throws {
        try Data("title: Odd\nsections:\n  - id: moves\n    exercises:\n      - name: Reach\n        steps: Reach \u{E000}\u{10FFFD} forward.\n".utf8)
            .write(to: folder.appendingPathComponent("odd.yaml"))
        let result = try run(["check", "odd.yaml", "--json"])
        #expect(result.status == 65)
        let missing = try findings(result).filter { $0["code"] as? String == "missing-glyph" }
        #expect(missing.contains { ($0["message"] as? String)?.contains("U+10FFFD") == true })
        #expect(missing.allSatisfy { $0["section"] as? String == "moves" && ($0["item"] as? String)?.contains("Reach") == true })
        let strict = try run(["render", "odd.yaml", "--strict", "-o", "odd.pdf"])
        #expect(strict.status == 65)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("odd.pdf").path))
    }

    @Test func aLongRoutineIsReportedAsContinued() throws {
        var yaml = "title: Forty\nsections:\n  - exercises:\n"
        for i in 1...40 { yaml += "      - name: Move \(i)\n        steps: Slowly and with control.\n" }
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("forty.yaml"))
        let result = try run(["check", "forty.yaml", "--json"])
        #expect(result.status == 0)
        #expect(try findings(result).contains { $0["code"] as? String == "continued" })
        // Running on is a note, not a fault: --strict accepts evenly filled cards.
        #expect(try findings(result).contains { $0["code"] as? String == "continued" && $0["severity"] as? String == "note" })
        #expect(try run(["check", "forty.yaml", "--strict"]).status == 0)
    }

    @Test func aLowResolutionPictureIsReported() throws {
        // A 20-pixel-wide PNG drawn 44 pt wide prints at about 33 dpi.
        let png = try ExternalTool.run(tool, ["render", "leg-cramps", "--template", "sheet", "-o", "-", "--format", "png", "--dpi", "10"]).stdout
        try png.write(to: folder.appendingPathComponent("tiny.png"))
        try Data("title: Tiny\nsections:\n  - exercises:\n      - name: Move\n        illustration: tiny.png\n        steps: Go.\n".utf8)
            .write(to: folder.appendingPathComponent("tiny.yaml"))
        let result = try run(["check", "tiny.yaml", "--json"])
        #expect(try findings(result).contains { $0["code"] as? String == "low-resolution" })
    }

    @Test func aCleanCardPrintsAnEmptyList() throws {
        try Data("title: Short\nsections:\n  - notes: One line.\n".utf8).write(to: folder.appendingPathComponent("short.yaml"))
        let result = try run(["check", "short.yaml", "--json"])
        #expect(result.status == 0)
        #expect(try findings(result).isEmpty)
    }
}
