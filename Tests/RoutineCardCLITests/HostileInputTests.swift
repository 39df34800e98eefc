import Foundation
import Testing
import TestSupport

/// Small files that used to crash, hang or eat memory, and pictures from where they may not come.
struct HostileInputTests: CLITest {
    let cli: CLIHarness
    init() throws { cli = try CLIHarness() }

    private func write(_ name: String, _ text: String) throws {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Runs under `timeout`, so a hang fails the test instead of stopping the suite.
    private func bounded(_ arguments: [String], seconds: Int = 20) throws -> ToolResult {
        try ExternalTool.run("timeout", ["\(seconds)", tool] + arguments, in: folder)
    }

    @Test func aliasBombsAreRefusedBeforeTheyGrow() throws {
        var laugh = ["title: T", "sections:", "  - id: s", "    notes:", "      - &a0 \"xxxxxxxx\""]
        for i in 1..<30 { laugh.append("      - &a\(i) [*a\(i - 1), *a\(i - 1)]") }
        try write("laugh.yaml", laugh.joined(separator: "\n"))
        try write("deep.yaml", (["a0: &a0 [x]"] + (1..<900).map { "a\($0): &a\($0) [*a\($0 - 1)]" }).joined(separator: "\n"))
        try write("key.yaml", "x: &x [[[1, 2], [3, 4]], [[5, 6]]]\n? *x\n: 1\n")
        for (file, words) in [("laugh.yaml", "once its aliases are expanded"), ("deep.yaml", "levels deep"), ("key.yaml", "alias is used as a mapping key")] {
            for command in [["validate", file], ["render", file, "-o", "x.pdf"]] {
                let result = try bounded(command)
                #expect(result.status == 65, "\(command): \(result.stderr)")
                #expect(result.stderr.contains("\(file):") && result.stderr.contains(words), "\(result.stderr)")
            }
        }
        try write("deep-config.yaml", (["a0: &a0 [x]"] + (1..<900).map { "a\($0): &a\($0) [*a\($0 - 1)]" }).joined(separator: "\n"))
        #expect(try bounded(["render", "--config", "deep-config.yaml", "-o", "x.pdf"]).status == 64)
    }

    @Test func hugeNumbersAreErrorsNotTraps() throws {
        try write("hold.yaml", "title: T\nsections:\n  - exercises:\n      - name: A\n        dose: {hold: 99999999999999999999}\n")
        try write("range.yaml", "title: T\nsections:\n  - therapy:\n      - kind: heat\n        duration: 10-99999999999999999999 min\n")
        for file in ["hold.yaml", "range.yaml"] {
            let result = try bounded(["validate", file])
            #expect(result.status == 65, "\(result.stderr)")
            #expect(result.stderr.contains("\(file):5:"), "\(result.stderr)")
        }
    }

    private func routine(_ picture: String) -> String {
        "title: T\nsections:\n  - exercises:\n      - name: A\n        illustration: \(picture)\n"
    }

    @Test func picturesStayInsideTheRoutinesFolder() throws {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>"#
        try write("r/ok.svg", svg)
        try write("elsewhere/out.svg", svg)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("r/link.svg").path,
            withDestinationPath: folder.appendingPathComponent("elsewhere/out.svg").path)
        try write("r/t.yaml", routine("./ok.svg"))
        #expect(try bounded(["validate", "r/t.yaml"]).status == 0)
        for outside in ["../elsewhere/out.svg", folder.appendingPathComponent("elsewhere/out.svg").path, "./link.svg", "/etc/passwd.png"] {
            try write("r/t.yaml", routine(outside))
            let result = try bounded(["render", "r/t.yaml", "-o", "x.pdf"])
            #expect(result.status == 65, "\(outside): \(result.stderr)")
            #expect(result.stderr.contains("r/t.yaml:5:23: error:") && result.stderr.contains("outside"), "\(result.stderr)")
        }
        // --pictures-from widens it deliberately.
        try write("r/t.yaml", routine("../elsewhere/out.svg"))
        #expect(try bounded(["render", "r/t.yaml", "-o", "x.pdf", "--pictures-from", "elsewhere", "-q"]).status == 0)
    }

    @Test func aPictureMayNotLoadOtherFilesOrPretendToBeAPNG() throws {
        try write("r/ext.svg", #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"><image href="file:///etc/hostname" width="9" height="9"/></svg>"#)
        try write(
            "r/ent.svg",
            "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>")
        try write("r/text.png", "root:x:0:0:root:/root:/bin/bash\n")
        for (picture, words) in [("./ext.svg", "may not load other files"), ("./ent.svg", "entities"), ("./text.png", "is not a PNG file")] {
            try write("r/t.yaml", routine(picture))
            let result = try bounded(["validate", "r/t.yaml"])
            #expect(result.status == 65 && result.stderr.contains(words), "\(picture): \(result.stderr)")
        }
    }

    @Test func aPNGIsMeasuredBeforeItIsDecoded() throws {
        // A header claiming 30000 × 30000 pixels: refused from its header, without decoding 3.6 GB.
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        png += [0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30, 8, 2, 0, 0, 0, 0, 0, 0, 0]
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("r"), withIntermediateDirectories: true)
        try Data(png).write(to: folder.appendingPathComponent("r/big.png"))
        try write("r/t.yaml", routine("./big.png"))
        let result = try bounded(["validate", "r/t.yaml"], seconds: 10)
        #expect(result.status == 65 && result.stderr.contains("30000 × 30000 pixels"), "\(result.stderr)")
        let base64 = Data(png).base64EncodedString()
        try write(
            "r/embeds.svg",
            #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"><image href="data:image/png;base64,"# + base64 + #"" width="9" height="9"/></svg>"#)
        try write("r/t.yaml", routine("./embeds.svg"))
        let embedded = try bounded(["validate", "r/t.yaml"], seconds: 10)
        #expect(embedded.status == 65 && embedded.stderr.contains("embeds a PNG"), "\(embedded.stderr)")
    }

    @Test func standardInputIsReadUpToItsLimitOnly() throws {
        // Through the shell: the tool stops reading at the limit, and the writer gets SIGPIPE.
        let result = try ExternalTool.run("sh", ["-c", "head -c 3000000 /dev/zero | tr '\\0' '#' | \"$0\" validate -", tool], in: folder)
        #expect(result.status == 65 && result.stderr.contains("more than 1000 kB"), "\(result.stderr)")
    }

    @Test func theREADMEConfigExampleWorksAsWritten() throws {
        let readme = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../README.md").standardizedFileURL, encoding: .utf8)
        let section = try #require(readme.range(of: "### Defaults in a config file"))
        let block = try #require(readme[section.upperBound...].range(of: "```yaml\n"))
        let end = try #require(readme[block.upperBound...].range(of: "```"))
        try write("config.yaml", String(readme[block.upperBound..<end.lowerBound]))
        // The clinic's logo it names, next to it.
        try FileManager.default.copyItem(
            at: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/examples/clinic/logo.svg").standardizedFileURL,
            to: folder.appendingPathComponent("clinic-logo.svg"))
        for command in [["render", "-o", "card.pdf"], ["check"], ["render", "--template", "wallet", "-o", "w.pdf"]] {
            let result = try run(command + ["--config", "config.yaml"])
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(!result.stderr.contains("error"), "\(result.stderr)")
        }
        // A typed impossible combination is a usage error naming the flags typed.
        let typed = try run(["render", "--paper", "letter", "--sheet", "letter", "-o", "x.pdf"])
        #expect(typed.status == 64 && typed.stderr.contains("does not fit"), "\(typed.stderr)")
        let offset = try run(["render", "--back-offset", "1mm,1mm", "-o", "x.pdf"])
        #expect(offset.status == 64 && offset.stderr.contains("--back-offset arranges") && !offset.stderr.contains("--copies"))
    }

    @Test func controlCharactersAreErrorsAtTheirPlace() throws {
        try write("nul.yaml", "title: \"A\\0B\"\nsections:\n  - exercises:\n      - name: \"x\\u0007y\"\n")
        let result = try bounded(["validate", "nul.yaml"])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("nul.yaml:1:8: error:") && result.stderr.contains("U+0000"), "\(result.stderr)")
        #expect(result.stderr.contains("nul.yaml:4:15: error:") && result.stderr.contains("U+0007"), "\(result.stderr)")
        #expect(try run(["render", "--for", "Sam\u{7}", "-o", "x.pdf"]).status == 64)
    }

    @Test func validateAcceptsOnlyWhatRenderCanLayOut() throws {
        let title = Array(repeating: "Stretch", count: 40).joined(separator: " ")
        try write("long.yaml", "title: \(title)\nsections:\n  - exercises:\n      - name: A\n")
        let validated = try bounded(["validate", "long.yaml"])
        let rendered = try bounded(["render", "long.yaml", "-o", "x.pdf"])
        #expect(validated.status == 65 && rendered.status == 65, "\(validated.stderr) \(rendered.stderr)")
        #expect(validated.stderr.contains("shorten the title"), "\(validated.stderr)")
        // The built-ins fit every template and theme: no warning at all.
        for id in ["leg-cramps", "night-cramps", "desk-break", "runner-cooldown"] {
            let result = try run(["show", id, "--json"])
            try result.stdout.write(to: folder.appendingPathComponent("\(id).json"))
            let check = try bounded(["validate", "\(id).json"])
            #expect(check.status == 0 && !check.stderr.contains("warning"), "\(id): \(check.stderr)")
        }
    }

    @Test func optionTextsAndRasterPagesHaveLimits() throws {
        let note = try run(["render", "--note", String(repeating: "word ", count: 20_000), "-o", "x.pdf"])
        #expect(note.status == 64 && note.stderr.contains("at most 500"), "\(note.stderr)")
        let huge = try bounded(["render", "--paper", "2000x2000mm", "--dpi", "400", "-o", "x.png"], seconds: 10)
        #expect(huge.status == 64 && huge.stderr.contains("100 megapixels"), "\(huge.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.png").path))
    }
}
