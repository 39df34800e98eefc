import Foundation
import Testing
import TestSupport
@testable import RoutineCard
@testable import RoutineCardLayout

/// Printer sheets read back the way print tools read them: page sizes from pdfinfo, words from
/// pdftotext, ink from pdftoppm's raster.
struct SheetPrintTests {
    func write(_ routine: String = "leg-cramps", paper: Paper = .a6, sheet: SheetOptions) throws -> URL {
        var options = CardOptions()
        options.paper = paper
        options.sheet = sheet
        let document = try CardRenderer().render([Routine.builtIn(routine)], options: options)
        let url = try ExternalTool.temporaryFolder().appendingPathComponent("sheet.pdf")
        try document.data.write(to: url)
        return url
    }

    /// Every word's box, in points from the page's top left.
    func words(_ url: URL) throws -> [(text: String, box: Rect)] {
        let bbox = try ExternalTool.run("pdftotext", ["-bbox", url.path, "-"]).output
        return bbox.split(separator: "\n").compactMap { line in
            guard line.contains("<word") else { return nil }
            func value(_ key: String) -> Double? {
                guard let range = line.range(of: "\(key)=\"") else { return nil }
                return Double(line[range.upperBound...].prefix { $0 != "\"" })
            }
            guard let x0 = value("xMin"), let y0 = value("yMin"), let x1 = value("xMax"), let y1 = value("yMax"),
                let start = line.firstIndex(of: ">"), let end = line.range(of: "</word>")
            else { return nil }
            return (String(line[line.index(after: start)..<end.lowerBound]), Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0))
        }
    }

    @Test func fourA6CardsFillAnA4SheetAndNothingPrintsNearTheEdgeOrAcrossACut() throws {
        let url = try write(sheet: SheetOptions(kind: .a4, copies: .fill))
        let info = try ExternalTool.run("pdfinfo", [url.path]).output
        #expect(ExternalTool.field("Pages", in: info) == "1")
        #expect(ExternalTool.field("Page size", in: info)?.hasPrefix("595.276 x 841.89") == true)
        let all = try words(url)
        #expect(all.filter { $0.text == "Card" }.count == 4, "four footers: card 1 and card 2, twice")
        #expect(all.filter { $0.text == "Leg" }.count == 4)
        // Each word lies inside one quarter of the sheet, at least 5 mm from the paper's edge; the
        // ruler's words sit in the margins below the middle cut.
        let width = Paper.a4.width, height = Paper.a4.height, edge = Units.mm(5)
        for word in all {
            let box = word.box
            #expect(box.minX >= edge && box.minY >= edge && box.maxX <= width - edge && box.maxY <= height - edge, "\(word)")
            #expect(!(box.minX < width / 2 && box.maxX > width / 2), "\(word) crosses the upright cut")
            #expect(!(box.minY < height / 2 && box.maxY > height / 2), "\(word) crosses the level cut")
        }
        // Ink: within 5 mm of the edge only the cut guides; along the cuts only guides near the edges
        // and the cross in the middle.
        let raster = try Raster(pdf: url, dpi: 100)
        let mm = 100 / 25.4
        for y in 0..<raster.height {
            for x in 0..<raster.width where raster.isInk(x: x, y: y) {
                let px = Double(x) / mm, py = Double(y) / mm  // millimetres
                let nearEdge = px < 5 || py < 5 || px > 205 || py > 292
                let onCutX = abs(px - 105) < 0.8, onCutY = abs(py - 148.5) < 0.8
                if nearEdge { #expect(onCutX || onCutY, "ink at \(px), \(py) mm near the edge, off the cuts") }
                if onCutX && !nearEdge { #expect(py < 7 || py > 290 || abs(py - 148.5) < 6.5, "ink on the upright cut at \(py) mm") }
            }
        }
    }

    @Test func fourQuarterLetterCardsFillALetterSheet() throws {
        let url = try write(paper: .quarterLetter, sheet: SheetOptions(kind: .letter, copies: .fill))
        let info = try ExternalTool.run("pdfinfo", [url.path]).output
        #expect(ExternalTool.field("Pages", in: info) == "1" && ExternalTool.field("Page size", in: info) == "612 x 792 pts (letter)")
        let all = try words(url)
        #expect(all.filter { $0.text == "Card" }.count == 4)
        for word in all { #expect(Rect(x: 0, y: 0, width: 612, height: 792).insetBy(Units.mm(5)).contains(word.box), "\(word)") }
    }

    @Test func theAnySheetIsA4AndLettersCommonArea() throws {
        let url = try write(sheet: SheetOptions(kind: .any))
        let info = try ExternalTool.run("pdfinfo", [url.path]).output
        #expect(ExternalTool.field("Page size", in: info) == "595.276 x 792 pts")
        #expect(try words(url).contains { $0.text == "50" })
    }
}

/// A page rasterised by pdftoppm in grey.
struct Raster {
    let width: Int, height: Int
    let pixels: [UInt8]

    init(pdf: URL, dpi: Int) throws {
        let result = try ExternalTool.run("pdftoppm", ["-r", "\(dpi)", "-gray", "-singlefile", pdf.path])
        // Binary PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
        let bytes = [UInt8](result.stdout)
        var fields: [String] = [], index = 0, current = ""
        while fields.count < 4, index < bytes.count {
            let c = bytes[index]
            index += 1
            if c == 0x0A || c == 0x20 {
                if !current.isEmpty { fields.append(current) }
                current = ""
            } else {
                current.append(Character(UnicodeScalar(c)))
            }
        }
        guard fields.count == 4, fields[0] == "P5", let w = Int(fields[1]), let h = Int(fields[2]), bytes.count - index >= w * h else {
            throw CocoaError(.fileReadCorruptFile)
        }
        width = w
        height = h
        pixels = Array(bytes[index..<(index + w * h)])
    }

    func isInk(x: Int, y: Int) -> Bool { pixels[y * width + x] < 200 }
}
