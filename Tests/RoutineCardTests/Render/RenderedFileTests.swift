import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing
import TestSupport
@testable import Graphics
@testable import RoutineCard

/// Reads rendered files with independent tools: poppler (pdfinfo, pdffonts, pdftotext) and qpdf.
struct RenderedFileTests {
    let renderer = CardRenderer()

    func renderDefault(_ format: OutputFormat, dpi: Double = 300, options: CardOptions = CardOptions(), date: Date? = nil) throws -> RenderedDocument {
        try renderer.render([Routine.builtIn("leg-cramps")], options: options, output: OutputOptions(format: format, dpi: dpi, creationDate: date))
    }

    func write(_ data: Data, _ name: String) throws -> URL {
        let url = try ExternalTool.temporaryFolder().appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    @Test func thePDFIsA6WithMetadataAndPassesQpdf() throws {
        let pdf = try write(renderDefault(.pdf).data, "card.pdf")
        let info = try ExternalTool.run("pdfinfo", [pdf.path])
        #expect(info.status == 0)
        #expect(ExternalTool.field("Page size", in: info.output)?.hasPrefix("297.638 x 419.528 pts") == true)
        #expect(ExternalTool.field("Pages", in: info.output) == "2")
        #expect(ExternalTool.field("Title", in: info.output) == "Leg Cramp Relief")
        #expect(ExternalTool.field("Creator", in: info.output)?.hasPrefix("RoutineCard") == true)
        #expect(ExternalTool.field("Subject", in: info.output) != nil)
        #expect(ExternalTool.field("CreationDate", in: info.output) == nil)
        let check = try ExternalTool.run("qpdf", ["--check", pdf.path])
        #expect(check.status == 0, "\(check.output)\(check.stderr)")
    }

    @Test func everyFontIsEmbeddedAndSubset() throws {
        let pdf = try write(renderDefault(.pdf).data, "card.pdf")
        let fonts = try ExternalTool.run("pdffonts", [pdf.path]).output.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for line in fonts {
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            // name type... emb sub uni object ID: emb and sub are the 5th and 4th from the end.
            #expect(columns[columns.count - 5] == "yes" && columns[columns.count - 4] == "yes", "\(line)")
            #expect(columns[0].dropFirst(6).hasPrefix("+"), "subset tag missing: \(line)")
        }
    }

    @Test func pdftotextFindsTheTextOfEverySection() throws {
        let routine = try Routine.builtIn("leg-cramps")
        let pdf = try write(renderDefault(.pdf).data, "card.pdf")
        let text = try ExternalTool.run("pdftotext", ["-raw", pdf.path, "-"]).output
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        func contains(_ phrase: String) -> Bool {
            flat.contains(EmphasisParser.parse(phrase).plain.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        }
        #expect(contains(routine.title))
        for section in routine.sections {
            switch section.content {
            case .exercises(let items):
                for item in items {
                    #expect(contains(item.name))
                    item.steps.forEach { #expect(contains($0), "\($0)") }
                }
            case .therapy(let items): items.forEach { item in item.caution.map { #expect(contains($0), "\($0)") } }
            case .tips(let items): items.forEach { #expect(contains($0.text), "\($0.text)") }
            case .notes(let items): items.forEach { #expect(contains($0)) }
            case .help(let advice): (advice.urgent + advice.doctor).forEach { #expect(contains($0), "\($0)") }
            }
        }
        for symbol in ["×", "·", "–"] { #expect(flat.contains(symbol), "\(symbol)") }
    }

    @Test(arguments: [(300.0, 1240, 1748), (150.0, 620, 874)])
    func pngPixelSizeFollowsTheDPI(dpi: Double, width: Int, height: Int) throws {
        let png = try renderDefault(.png, dpi: dpi).data
        let bytes = [UInt8](png)
        #expect(Array(bytes[12..<16]) == Array("IHDR".utf8))
        func bigEndian(_ offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(bigEndian(16) == width)
        #expect(bigEndian(20) == height)
    }

    @Test(arguments: OutputFormat.allCases)
    func renderingTwiceGivesIdenticalBytes(format: OutputFormat) throws {
        let first = try renderDefault(format, dpi: 150)
        let second = try renderDefault(format, dpi: 150)
        #expect(first.files == second.files)
    }

    @Test func aGivenCreationDateIsWrittenAndStillDeterministic() throws {
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let data = try renderDefault(.pdf, date: date).data
        #expect(try renderDefault(.pdf, date: date).data == data)
        let info = try ExternalTool.run("pdfinfo", ["-isodates", write(data, "dated.pdf").path]).output
        #expect(ExternalTool.field("CreationDate", in: info) == "2023-11-14T22:13:20Z")
    }

    @Test func theSVGIsWellFormedAndLibrsvgDrawsIt() throws {
        let data = try CardRenderer().render([Routine.builtIn("leg-cramps")], options: CardOptions(template: .sheet), output: OutputOptions(format: .svg)).data
        let parser = XMLParser(data: data)
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("width=\"595.275591pt\" height=\"841.889764pt\""))
        let image = try SVGImage(bytes: [UInt8](data))
        #expect(abs(image.intrinsicSize.width - 595.276) < 0.1)
    }

    @Test func aRenderDuringAWarmUpWaitsForItAndDrawsTheSameCard() throws {
        let cold = try renderDefault(.pdf).data
        CardRenderer.warmUp()
        let warm = try renderDefault(.pdf).data
        CardRenderer.warmUp(options: CardOptions(theme: .highContrast))
        #expect(try renderDefault(.pdf).data == cold)
        #expect(warm == cold)
    }

    @Test func aFontFamilyThatIsNotInstalledFallsBack() throws {
        var options = CardOptions()
        options.fontFamily = "Definitely Not Installed Sans"
        let pdf = try write(renderDefault(.pdf, options: options).data, "fallback.pdf")
        let fonts = try ExternalTool.run("pdffonts", [pdf.path]).output
        #expect(fonts.split(separator: "\n").count > 2)
        #expect(try ExternalTool.run("pdftotext", [pdf.path, "-"]).output.contains("Calf raises"))
    }
}
