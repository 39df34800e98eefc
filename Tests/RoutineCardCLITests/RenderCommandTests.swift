import Foundation
import Testing
import TestSupport

/// Runs the built `routinecard` binary as a user would and reads its output with real tools.
struct RenderCommandTests: CLITest {
    let cli: CLIHarness
    init() throws { cli = try CLIHarness() }

    @Test func renderWithNoRoutineWritesTheDefaultCardHere() throws {
        let result = try run(["render"])
        #expect(result.status == 0, "\(result.stderr)")
        let pdf = folder.appendingPathComponent("leg-cramps.pdf")
        let info = try ExternalTool.run("pdfinfo", [pdf.path]).output
        #expect(ExternalTool.field("Page size", in: info)?.hasPrefix("297.638 x 419.528 pts") == true)
        #expect(result.stderr.contains("wrote leg-cramps.pdf"))
    }

    @Test func theOutputExtensionPicksTheFormat() throws {
        #expect(try run(["render", "leg-cramps", "-o", "c.png"]).status == 0)
        #expect(try run(["render", "leg-cramps", "-o", "small.png", "--dpi", "150"]).status == 0)
        #expect(try run(["render", "leg-cramps", "-o", "c.svg"]).status == 0)
        // Two cards: a PNG per card, numbered.
        let png = try Data(contentsOf: folder.appendingPathComponent("c-1.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        func size(_ data: Data) -> (Int, Int) {
            let b = [UInt8](data)
            func be(_ o: Int) -> Int { b[o..<o + 4].reduce(0) { $0 << 8 | Int($1) } }
            return (be(16), be(20))
        }
        #expect(size(png) == (1240, 1748))
        #expect(size(try Data(contentsOf: folder.appendingPathComponent("small-2.png"))) == (620, 874))
        // SVG too: a file per card, each a whole SVG document.
        for page in ["c-1.svg", "c-2.svg"] {
            let svg = try String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8)
            #expect(svg.hasPrefix("<?xml") && svg.contains("<svg") && svg.contains("</svg>"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("c.svg").path))
    }

    @Test func aFamilyOutsideTheCardFontsStillComesFromTheSystem() throws {
        // The tool makes the card's fonts the process's font configuration; other families must
        // still be found among the installed fonts.
        #expect(try run(["render", "--font", "DejaVu Serif", "-o", "serif.pdf"]).status == 0)
        let fonts = try ExternalTool.run("pdffonts", [folder.appendingPathComponent("serif.pdf").path]).output
        #expect(fonts.contains("DejaVuSerif"), "\(fonts)")
        #expect(!fonts.contains("Lato"), "\(fonts)")
    }

    @Test func anUnknownRoutineListsTheOnesThatExist() throws {
        let result = try run(["render", "leg-cramp"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("leg-cramps"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("leg-cramp.pdf").path))
    }

    @Test func usageMistakesExitWith64() throws {
        #expect(try run(["render", "-o", "card.png", "--format", "pdf"]).status == 64)
        #expect(try run(["render", "--paper", "0x10mm"]).status == 64)
        #expect(try run(["render", "--paper", "100x150furlongs"]).status == 64)
        #expect(try run(["render", "-o", "card.docx"]).status == 64)
    }

    @Test func helpAndVersionWork() throws {
        let help = try run(["--help"])
        #expect(help.status == 0 && help.output.contains("render"))
        let version = try run(["--version"])
        #expect(version.status == 0 && version.output.first?.isNumber == true)
        #expect(try run(["render", "--help"]).output.contains("--dpi"))
    }

    @Test func sourceDateEpochPinsTheCreationDate() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "1700000000"
        #expect(try run(["render", "-o", "a.pdf"], environment: environment).status == 0)
        #expect(try run(["render", "-o", "b.pdf"], environment: environment).status == 0)
        let a = try Data(contentsOf: folder.appendingPathComponent("a.pdf"))
        #expect(a == (try Data(contentsOf: folder.appendingPathComponent("b.pdf"))))
        let info = try ExternalTool.run("pdfinfo", ["-isodates", folder.appendingPathComponent("a.pdf").path]).output
        #expect(ExternalTool.field("CreationDate", in: info) == "2023-11-14T22:13:20Z")
    }

    @Test func theCardsOwnFontSetDrawsTheSameCardAsTheSystemFonts() throws {
        var environment = ProcessInfo.processInfo.environment
        #expect(try run(["render", "-o", "own.pdf"], environment: environment).status == 0)
        environment["ROUTINECARD_SYSTEM_FONTS"] = "1"
        #expect(try run(["render", "-o", "system.pdf"], environment: environment).status == 0)
        let own = try Data(contentsOf: folder.appendingPathComponent("own.pdf"))
        #expect(own == (try Data(contentsOf: folder.appendingPathComponent("system.pdf"))))
    }

    @Test func theBinaryCopiedAloneStillRendersTheDefaultCard() throws {
        let alone = try ExternalTool.temporaryFolder()
        let copy = alone.appendingPathComponent("routinecard")
        try FileManager.default.copyItem(atPath: tool, toPath: copy.path)
        let result = try ExternalTool.run(copy.path, ["render"], in: alone)
        #expect(result.status == 0, "\(result.stderr)")
        let text = try ExternalTool.run("pdftotext", [alone.appendingPathComponent("leg-cramps.pdf").path, "-"]).output
        #expect(text.contains("Calf raises") && text.contains("Hamstring stretch"))
    }
}
