import Foundation
import Testing
import TestSupport
@testable import RoutineCard
@testable import RoutineCardLayout

/// Tagged PDF, text that extracts as written, SVG for web pages and described PNGs, read back with
/// independent readers: poppler, pikepdf, pypdf, librsvg.
struct AccessibleOutputTests {
    let folder: URL
    init() throws { folder = try ExternalTool.temporaryFolder() }

    func write(_ routines: [Routine], options: CardOptions = CardOptions(), format: OutputFormat = .pdf, name: String) throws -> [URL] {
        let document = try CardRenderer().render(
            routines, options: options, output: OutputOptions(format: format, creationDate: Date(timeIntervalSince1970: 1_790_000_000), author: "Dr Lee"))
        return try document.write(to: folder.appendingPathComponent(name))
    }

    /// Runs a Python script with Debian's python3 and its PDF libraries; returns what it printed.
    func python(_ script: String, _ arguments: [String]) throws -> String {
        let result = try ExternalTool.run("/usr/bin/python3", ["-c", script] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return result.output
    }

    static let structure = """
        import sys, json, pikepdf
        pdf = pikepdf.open(sys.argv[1])
        root = pdf.Root
        found = {"lang": str(root.get("/Lang", "")), "marked": bool(root.MarkInfo.Marked),
                 "title": bool(root.ViewerPreferences.DisplayDocTitle), "tags": [], "alt": [], "outline": [],
                 "id": len(pdf.trailer.ID) == 2, "xmpTitle": pdf.open_metadata().get("dc:title"),
                 "infoTitle": str(pdf.docinfo.get("/Title")), "wrongParents": 0}
        def walk(element):
            tag = element.get("/S")
            if tag is not None:
                found["tags"].append(str(tag)[1:])
                if str(tag) == "/Figure": found["alt"].append(str(element.get("/Alt", "")))
            kids = element.get("/K")
            if isinstance(kids, pikepdf.Dictionary): kids = [kids]
            if isinstance(kids, (pikepdf.Array, list)):
                for kid in kids:
                    if isinstance(kid, pikepdf.Dictionary) and kid.get("/S") is not None:
                        if kid.P.objgen != element.objgen: found["wrongParents"] += 1
                        walk(kid)
        walk(root.StructTreeRoot)
        with pdf.open_outline() as outline:
            def titles(items, depth):
                for item in items:
                    found["outline"].append("  " * depth + item.title)
                    titles(item.children, depth + 1)
            titles(outline.root, 0)
        print(json.dumps(found))
        """

    struct Structure: Decodable {
        var lang: String, marked: Bool, title: Bool, tags: [String], alt: [String], outline: [String], id: Bool
        var xmpTitle: String?, infoTitle: String
        /// Elements whose /P is not the element that lists them.
        var wrongParents: Int
    }

    @Test(arguments: ["en", "de"])
    func theCardIsATaggedPDFWithLanguageFiguresAndBookmarks(language: String) throws {
        let routine = try Routine.builtIn("leg-cramps", language: language)
        let url = try write([routine], name: "card-\(language).pdf")[0]
        let info = try ExternalTool.run("pdfinfo", [url.path]).output
        #expect(ExternalTool.field("Tagged", in: info) == "yes")
        #expect(try ExternalTool.run("qpdf", ["--check", url.path]).status == 0)
        let found = try JSONDecoder().decode(Structure.self, from: Data(try python(Self.structure, [url.path]).utf8))
        #expect(found.lang == language && found.marked && found.title && found.id)
        #expect(found.wrongParents == 0)
        #expect(found.xmpTitle == found.infoTitle && found.infoTitle == routine.title)
        #expect(found.tags.filter { $0 == "H1" }.count == 2, "a title on each card")
        #expect(found.tags.first == "Document" && found.tags.filter { $0 == "Document" }.count == 1, "one document holds everything")
        #expect(found.tags.contains("H2") && found.tags.contains("H3") && found.tags.contains("P"))
        // Every exercise drawing is a figure named after its exercise, in order; therapy icons after theirs.
        let names = routine.sections.flatMap { section -> [String] in
            if case .exercises(let exercises) = section.content { return exercises.map(\.name) }
            return []
        }
        #expect(Array(found.alt.prefix(names.count)) == names)
        // The exercises are a list: an item each, with its number as the label.
        #expect(found.tags.filter { $0 == "LI" }.count == names.count && found.tags.filter { $0 == "Lbl" }.count == names.count)
        #expect(found.tags.contains("L") && found.tags.contains("LBody"))
        #expect(found.alt.count > names.count, "the heat and cold boxes' icons too")
        // A bookmark per card, and the sections under it.
        let cards = found.outline.filter { !$0.hasPrefix(" ") }
        #expect(cards.count == 2 && cards[0].hasSuffix(routine.title), "\(found.outline)")
        #expect(found.outline.filter { $0.hasPrefix("  ") }.count >= 4, "\(found.outline)")
    }

    @Test(arguments: ["leg-cramps", "runner-cooldown"], [Template.fridge, .sheet])
    func pdftotextReadsEachBoxsTitleWithItsOwnText(routine: String, template: Template) throws {
        // Heat and cold boxes stand side by side: each title must come right before its own text.
        let url = try write([Routine.builtIn(routine)], options: CardOptions(template: template), name: "\(routine)-\(template).pdf")[0]
        let lines = try ExternalTool.run("pdftotext", [url.path, "-"]).output.split(separator: "\n").map(String.init)
        let pairs =
            routine == "leg-cramps"
            ? [("Heat ", "After a cramp"), ("Cold ", "An ice pack")] : [("Cold ", "After a hard run"), ("Heat ", "Later or the next day")]
        for (title, text) in pairs {
            let index = try #require(lines.firstIndex { $0.hasPrefix(title) && $0.hasSuffix("min") }, "\(title) in \(lines)")
            #expect(lines[index + 1].hasPrefix(text), "\(routine) \(template): '\(lines[index])' is followed by '\(lines[index + 1])'")
        }
    }

    /// Every painting operator on every page, as pikepdf parses the content streams: inside a
    /// structure element's marked content, or in an artifact.
    static let markedContent = """
        import pikepdf, sys
        paint = {'S','s','f','F','f*','B','B*','b','b*','Tj','TJ',"'",'"','Do','sh','EI'}
        pdf = pikepdf.open(sys.argv[1])
        outside = artifacts = 0
        for page in pdf.pages:
            stack = []
            for operands, op in pikepdf.parse_content_stream(page):
                o = str(op)
                if o in ('BDC', 'BMC'):
                    stack.append(str(operands[0]))
                    artifacts += str(operands[0]) == '/Artifact'
                elif o == 'EMC':
                    stack.pop()
                elif o in paint and not stack:
                    outside += 1
        print(outside, artifacts)
        """

    @Test(arguments: [Template.fridge, .sheet, .wallet], [false, true])
    func decorationIsMarkedAsArtifactsAndNothingIsLeftUnmarked(template: Template, onSheets: Bool) throws {
        var options = CardOptions(template: template, theme: .highContrast)
        options.tracker = template != .wallet
        if onSheets {
            // With crop marks, cut guides and the ruler; a handout goes on the sheet at A5.
            if template == .sheet { options.paper = .a5 }
            options.sheet = SheetOptions(kind: .a4)
        }
        let url = try write([Routine.builtIn("leg-cramps")], options: options, name: "artifacts")[0]
        let counts = try python(Self.markedContent, [url.path]).split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(counts.count == 2 && counts[0] == 0, "painting outside marked content: \(counts)")
        #expect(counts.count == 2 && counts[1] > 5, "rules, boxes and backgrounds are artifacts: \(counts)")
        #expect(try ExternalTool.run("qpdf", ["--check", url.path]).status == 0)
    }

    @Test func ligaturesExtractAsTheirLetters() throws {
        let yaml = """
            title: Office stretches
            sections:
              - tips:
                  - Stand flat-footed in the office; a stiff, baffled calf first.
                  - Eat fibre-rich food.
              - help:
                  urgent: "Chest pain: call emergency services."
                  doctor: Stiffness that gets worse.
            """
        let routine = try Routine.load(data: Data(yaml.utf8), name: "office.yaml")
        let url = try write([routine], name: "office.pdf")[0]
        let text = try python("import sys, pypdf\nprint(''.join(p.extract_text() for p in pypdf.PdfReader(sys.argv[1]).pages))", [url.path])
        for word in ["Office", "office", "flat", "stiff", "baffled", "first", "fibre"] { #expect(text.contains(word), "\(word) in \(text)") }
        #expect(!text.unicodeScalars.contains { (0xFB00...0xFB06).contains($0.value) })
    }

    @Test func linksBecomeClickableAndOutputStaysByteIdentical() throws {
        let yaml = """
            title: Calf care
            link: https://example.org/calf-care
            sections:
              - exercises:
                  - name: Calf raises
                    illustration: calf-raise
                    link: https://example.org/videos/calf-raise?t=1
                    alt: Rising onto the toes, a hand on a counter
              - help:
                  urgent: "Pain in one calf with swelling: get help today."
            """
        let routine = try Routine.load(data: Data(yaml.utf8), name: "calf.yaml")
        let first = try write([routine], name: "a.pdf")[0], second = try write([routine], name: "b.pdf")[0]
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
        let script = """
            import sys, pikepdf
            pdf = pikepdf.open(sys.argv[1])
            print("\\n".join(str(a.A.URI) for p in pdf.pages for a in p.get("/Annots", []) if a.Subtype == "/Link"))
            """
        #expect(try python(script, [first.path]).split(separator: "\n") == ["https://example.org/calf-care", "https://example.org/videos/calf-raise?t=1"])
        let found = try JSONDecoder().decode(Structure.self, from: Data(try python(Self.structure, [first.path]).utf8))
        #expect(found.alt.first == "Rising onto the toes, a hand on a counter")
    }

    func ids(_ svg: String) -> Set<String> {
        var found: Set<String> = []
        var rest = svg[...]
        while let range = rest.range(of: " id=\"") {
            let value = rest[range.upperBound...].prefix { $0 != "\"" }
            found.insert(String(value))
            rest = rest[range.upperBound...]
        }
        return found
    }

    @Test func svgCardsAreAFilePerPageWithOwnIdsTitleAndLanguage() throws {
        let legCramps = try write([Routine.builtIn("leg-cramps")], format: .svg, name: "legs.svg")
        let deskBreak = try write([Routine.builtIn("desk-break", language: "de")], format: .svg, name: "desk.svg")
        #expect(legCramps.map(\.lastPathComponent) == ["legs-1.svg", "legs-2.svg"])
        let pages = try (legCramps + deskBreak).map { try String(contentsOf: $0, encoding: .utf8) }
        // Inlined together in one HTML page, no two cards share an id.
        var seen: Set<String> = []
        for page in pages {
            let mine = ids(page)
            #expect(!mine.isEmpty && mine.isDisjoint(with: seen))
            seen.formUnion(mine)
        }
        #expect(pages[0].contains("<title>Leg Cramp Relief</title>") && pages[0].contains("<desc>") && pages[0].contains("xml:lang=\"en\""))
        #expect(pages[2].contains("xml:lang=\"de\""))
        for url in legCramps + deskBreak {
            let rendered = try ExternalTool.run("rsvg-convert", [url.path, "-o", url.path + ".png"])
            #expect(rendered.status == 0, "\(rendered.stderr)")
        }
        // A wallet card: front and back, each a file of 85.6 × 54 mm.
        var wallet = CardOptions(template: .wallet)
        wallet.theme = .color
        let sides = try write([Routine.builtIn("runner-cooldown")], options: wallet, format: .svg, name: "wallet.svg")
        #expect(sides.count == 2)
        for side in sides {
            let svg = try String(contentsOf: side, encoding: .utf8)
            #expect(svg.contains("width=\"242.645669pt\" height=\"153.070866pt\""), "\(svg.prefix(300))")
        }
    }

    @Test func pngPagesSaySRGBAndCarryTheCardsText() throws {
        let url = try write([Routine.builtIn("leg-cramps")], format: .png, name: "card.png")[0]
        let script = """
            import sys, struct
            data = open(sys.argv[1], "rb").read()
            offset, kinds = 8, []
            while offset < len(data):
                length, = struct.unpack(">I", data[offset:offset + 4])
                kind = data[offset + 4:offset + 8].decode()
                kinds.append(kind)
                if kind == "iTXt":
                    body = data[offset + 8:offset + 8 + length]
                    keyword, rest = body.split(b"\\0", 1)
                    language, rest = rest[2:].split(b"\\0", 1)
                    print(keyword.decode(), language.decode(), rest.split(b"\\0", 1)[1].decode().splitlines()[0])
                offset += 12 + length
            print(" ".join(kinds))
            """
        let lines = try python(script, [url.path]).split(separator: "\n")
        #expect(lines.first == "Description en Leg Cramp Relief")
        #expect(lines.last?.hasPrefix("IHDR sRGB iTXt") == true)
    }
}
