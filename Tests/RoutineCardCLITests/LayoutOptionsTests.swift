import Foundation
import Testing
import TestSupport

/// Paper sizes, orientation, bleed, templates and fitting messages, read back with poppler.
struct LayoutOptionsTests: CLITest {
    let cli: CLIHarness
    init() throws { cli = try CLIHarness() }

    func pageSize(_ name: String) throws -> String? {
        ExternalTool.field("Page size", in: try ExternalTool.run("pdfinfo", [folder.appendingPathComponent(name).path]).output)
    }

    @Test(arguments: [
        (["--paper", "4x6in"], "288 x 432 pts"),
        (["--paper", "100x150mm", "--landscape"], "425.197 x 283.465 pts"),
        (["--paper", "letter"], "612 x 792 pts (letter)"),
        (["--template", "sheet"], "595.276 x 841.89 pts (A4)"),
        (["--template", "wallet"], "242.646 x 153.071 pts"),
    ])
    func paperSizesComeOutExactly(arguments: [String], size: String) throws {
        let result = try run(["render", "leg-cramps", "-o", "card.pdf"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try pageSize("card.pdf") == size)
    }

    @Test func aBleedSetsTrimAndBleedBoxes() throws {
        #expect(try run(["render", "leg-cramps", "--bleed", "3mm", "-o", "bleed.pdf"]).status == 0)
        let path = folder.appendingPathComponent("bleed.pdf").path
        let boxes = try ExternalTool.run("pdfinfo", ["-box", path]).output
        func box(_ name: String) -> [Double] {
            (ExternalTool.field(name, in: boxes) ?? "").split(separator: " ").compactMap { Double($0) }
        }
        let media = box("MediaBox"), trim = box("TrimBox"), bleed = box("BleedBox")
        let mm3 = 3 * 72 / 25.4
        #expect(media.count == 4 && trim.count == 4 && bleed.count == 4)
        #expect(abs(trim[0] - mm3) < 0.01 && abs(trim[1] - mm3) < 0.01)
        #expect(abs((media[2] - trim[2]) - mm3) < 0.01 && abs((media[3] - trim[3]) - mm3) < 0.01)
        #expect(abs((trim[2] - trim[0]) - 297.638) < 0.01, "the trimmed card is still A6")
        #expect(zip(bleed, media).allSatisfy { abs($0 - $1) < 0.01 })
        let check = try ExternalTool.run("qpdf", ["--check", path])
        #expect(check.status == 0, "\(check.output)")
    }

    @Test func thirtyExercisesContinueOnSeveralCardsWithEveryNameOnce() throws {
        var yaml = "title: Thirty\nsections:\n  - exercises:\n"
        for i in 1...30 { yaml += "      - name: Exercise number \(i)\n        dose: { reps: 10 }\n        steps: Move slowly and breathe out as you go.\n" }
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("thirty.yaml"))
        let result = try run(["render", "thirty.yaml", "-o", "thirty.pdf"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("continued on"))
        let path = folder.appendingPathComponent("thirty.pdf").path
        let pages = Int(ExternalTool.field("Pages", in: try ExternalTool.run("pdfinfo", [path]).output) ?? "") ?? 0
        #expect(pages > 1)
        let text = try ExternalTool.run("pdftotext", ["-raw", path, "-"]).output
        for i in 1...30 {
            // "Exercise number 1" must not count "Exercise number 10".
            let matches = text.ranges(of: "Exercise number \(i)").filter { range in
                range.upperBound == text.endIndex || !text[range.upperBound].isNumber
            }
            #expect(matches.count == 1, "Exercise number \(i)")
        }
    }

    @Test func shrinkingIsReportedOnStderr() throws {
        var yaml = "title: Eight\nsections:\n  - exercises:\n"
        for i in 1...11 { yaml += "      - name: Move \(i)\n        steps: Keep the back long and the shoulders soft while you reach forward.\n" }
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("tight.yaml"))
        let result = try run(["render", "tight.yaml", "-o", "tight.pdf"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("shrunk body text to") || result.stderr.contains("continued on"), "\(result.stderr)")
    }

    @Test func sheetsAndTheCalibrationPageComeOutAtPaperSize() throws {
        #expect(try run(["render", "--sheet", "a4", "--copies", "2", "-o", "sheet.pdf"]).status == 0)
        #expect(try pageSize("sheet.pdf") == "595.276 x 841.89 pts (A4)")
        #expect(
            try run([
                "render", "runner-cooldown", "--template", "wallet", "--sheet", "letter", "--copies", "8", "--back-offset", "1.5mm,-0.5mm", "-o", "wallets.pdf",
            ]).status == 0)
        let info = try ExternalTool.run("pdfinfo", [folder.appendingPathComponent("wallets.pdf").path]).output
        #expect(ExternalTool.field("Pages", in: info) == "2" && ExternalTool.field("Page size", in: info) == "612 x 792 pts (letter)")
        #expect(try run(["calibrate", "--sheet", "a4", "-o", "cal.pdf"]).status == 0)
        let calibration = try ExternalTool.run("pdfinfo", [folder.appendingPathComponent("cal.pdf").path]).output
        #expect(ExternalTool.field("Pages", in: calibration) == "2")
        #expect(try run(["render", "--sheet", "any", "--copies", "fill", "-o", "any.pdf"]).status == 0)
        #expect(try pageSize("any.pdf") == "595.276 x 792 pts")
        #expect(try run(["render", "--copies", "2"]).status == 64, "copies need a sheet")
        #expect(try run(["render", "--sheet", "a4", "--copies", "0"]).status == 64)
        #expect(try run(["render", "--sheet", "a4", "--copies", "lots"]).status == 64)
        let margin = try run(["render", "--sheet", "a4", "--margin", "4mm", "-o", "no.pdf"])
        #expect(margin.status == 64 && margin.stderr.contains("margin of at least 5 mm"), "\(margin.stderr)")
        #expect(try run(["render", "--sheet", "a3"]).status == 64)
        #expect(try run(["render", "--sheet", "a4", "--back-offset", "1mm"]).status == 64)
        #expect(try run(["render", "--template", "sheet", "--sheet", "a4", "-o", "no.pdf"]).status == 64)  // an impossible combination
    }

    @Test func unknownTemplatesAndBadBleedsAreUsageErrors() throws {
        #expect(try run(["render", "--template", "poster"]).status == 64)
        #expect(try run(["render", "--bleed", "50mm"]).status == 64)
        #expect(try run(["render", "--margin", "3parsecs"]).status == 64)
    }
}

/// The command says what it wrote in the units a person counts: cards, sides and sheets.
struct WrittenCountTests: CLITest {
    let cli: CLIHarness
    init() throws { cli = try CLIHarness() }

    @Test(arguments: [
        (["leg-cramps", "-o", "a.pdf"], "(2 cards)"),
        (["runner-cooldown", "--template", "wallet", "-o", "b.pdf"], "(1 card, front and back)"),
        (["leg-cramps", "--template", "wallet", "-o", "c.pdf"], "(2 cards, fronts and backs)"),
        (["leg-cramps", "--sheet", "a4", "--copies", "2", "-o", "d.pdf"], "(1 sheet, 4 cards)"),
        (["leg-cramps", "--sheet", "a4", "--copies", "3", "-o", "f.pdf"], "(2 sheets, 6 cards)"),
        (["leg-cramps", "--paper", "a7", "--sheet", "a4", "--copies", "fill", "-o", "g.pdf"], "(1 sheet, 8 cards)"),
        (["runner-cooldown", "--template", "wallet", "--sheet", "letter", "--copies", "8", "-o", "e.pdf"], "(2 sheets: 8 cards, fronts and backs)"),
    ])
    func theMessageCountsCardsAndSheets(arguments: [String], expected: String) throws {
        let result = try run(["render"] + arguments)
        #expect(result.status == 0)
        #expect(result.stderr.contains("wrote \(arguments[arguments.count - 1]) \(expected)"), "\(result.stderr)")
    }
}
