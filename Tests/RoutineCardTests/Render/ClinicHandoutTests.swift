import Foundation
import Testing
import TestSupport
@testable import RoutineCard
@testable import RoutineCardLayout

/// A clinic's handout: its logo and contact, QR codes that phones read back to the exact video
/// addresses, the symptom diary in each language, the review date, and what preflight says.
struct ClinicHandoutTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/examples/clinic")
    static let videos = Set(["calf-raises", "seated-toe-touch", "hamstring-stretch"].map { "https://riverside-physio.example/videos/\($0)" })

    func clinicRoutine() throws -> Routine { try Routine.load(contentsOf: Self.examples.appendingPathComponent("leg-cramps-clinic.yaml")) }

    func clinicOptions(_ template: Template) -> CardOptions {
        var options = CardOptions(template: template)
        options.qrCodes = true
        options.diary = template != .wallet
        options.branding = Branding(
            logo: Self.examples.appendingPathComponent("logo.svg").path, contact: ["Riverside Physiotherapy", "0161 555 0100 · riverside-physio.example"])
        options.personal.review = CalendarDate(year: 2027, month: 3, day: 12)
        return options
    }

    /// Every QR code on the rendered pages, as zbarimg (Debian's zbar-tools) reads them.
    func decoded(_ document: RenderedDocument) throws -> [String] {
        let folder = try ExternalTool.temporaryFolder()
        var found: [String] = []
        for (index, file) in document.files.enumerated() {
            let url = folder.appendingPathComponent("page-\(index + 1).png")
            try file.write(to: url)
            let result = try ExternalTool.run("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", url.path])
            found += result.output.split(separator: "\n").map(String.init)
        }
        return found
    }

    @Test(arguments: Template.allCases)
    func theQRCodesDecodeToTheExactVideoAddresses(template: Template) throws {
        let document = try CardRenderer().render([clinicRoutine()], options: clinicOptions(template), output: OutputOptions(format: .png, dpi: 200))
        let found = try decoded(document)
        #expect(Set(found) == Self.videos, "\(template)")
        #expect(found.count == 3, "one code per exercise with a video")
        // The routine's own video goes with the clinic's contact.
        var routine = try clinicRoutine()
        routine.video = "https://riverside-physio.example/videos/leg-cramps"
        let withRoutine = try decoded(try CardRenderer().render([routine], options: clinicOptions(template), output: OutputOptions(format: .png, dpi: 200)))
        #expect(Set(withRoutine) == Self.videos.union([routine.video ?? ""]), "\(template)")
    }

    @Test(arguments: Template.allCases, CardTheme.allCases)
    func everyTemplateAndThemeKeepsTheWholeHandoutClean(template: Template, theme: CardTheme) throws {
        var options = clinicOptions(template)
        options.theme = theme
        options.tracker = template != .wallet
        let findings = try CardRenderer().check([clinicRoutine()], options: options)
        // A paragraph running on to the next card reads whole past the codes' captions and the clinic's foot.
        let problems = findings.filter { $0.severity == .error || ["overlap", "outside-safe-area", "low-contrast", "qr-too-small"].contains($0.code) }
        #expect(problems.isEmpty, "\(template) \(theme): \(problems.map(\.description))")
    }

    @Test func onTheFridgeCardEachCodeIsAtLeast12mmWideAndALinkInThePDF() throws {
        let document = try CardRenderer().render([clinicRoutine()], options: clinicOptions(.fridge))
        let codes = document.layouts[0].pages.flatMap(\.elements).compactMap { element -> (PlacedShape, QRMatrix)? in
            guard case .shape(let shape) = element, case .qrCode(let matrix) = shape.kind else { return nil }
            return (shape, matrix)
        }
        #expect(codes.count == 3)
        for (shape, matrix) in codes {
            let symbol = shape.frame.width * Double(matrix.side) / Double(matrix.sideWithQuietZone)
            #expect(symbol >= Units.mm(12) - 0.01)
            #expect(shape.link.map(Self.videos.contains) == true)
        }
        let url = try ExternalTool.temporaryFolder().appendingPathComponent("clinic.pdf")
        try document.data.write(to: url)
        let script = "import pikepdf,sys\npdf=pikepdf.open(sys.argv[1])\nfor p in pdf.pages:\n  for a in p.get('/Annots', []):\n    print(a.A.URI)"
        let uris = try ExternalTool.run("/usr/bin/python3", ["-c", script, url.path]).output.split(separator: "\n").map(String.init)
        #expect(Self.videos.isSubset(of: Set(uris)))
        // Each code is a figure whose alternative text is its address, and the drawings keep theirs.
        let walk = """
            import pikepdf,sys
            pdf=pikepdf.open(sys.argv[1])
            def walk(e):
                if not isinstance(e, pikepdf.Dictionary): return
                if e.get('/S') == '/Figure': print(str(e.get('/Alt', '')))
                k = e.get('/K')
                for c in (k if isinstance(k, pikepdf.Array) else [k] if k is not None else []): walk(c)
            walk(pdf.Root.StructTreeRoot)
            """
        let alts = try ExternalTool.run("/usr/bin/python3", ["-c", walk, url.path]).output.split(separator: "\n").map(String.init)
        #expect(
            Array(alts.prefix(6)) == [
                "Calf raises", "QR code: https://riverside-physio.example/videos/calf-raises",
                "Seated toe touch", "QR code: https://riverside-physio.example/videos/seated-toe-touch",
                "Hamstring stretch", "QR code: https://riverside-physio.example/videos/hamstring-stretch",
            ], "\(alts)")
    }

    @Test func anSVGLogoIsDrawnAsVectorsAndAPNGLogoAsAnImage() throws {
        let folder = try ExternalTool.temporaryFolder()
        var options = clinicOptions(.fridge)
        let svg = folder.appendingPathComponent("svg.pdf")
        try CardRenderer().render([Routine.builtIn("leg-cramps")], options: options).data.write(to: svg)
        let images = try ExternalTool.run("pdfimages", ["-list", svg.path]).output.split(separator: "\n")
        #expect(images.count == 2, "the header lines alone: no raster image for an SVG logo\n\(images.joined(separator: "\n"))")
        // The same logo as a PNG is embedded as an image on each card.
        let png = folder.appendingPathComponent("logo.png")
        _ = try ExternalTool.run("rsvg-convert", ["-w", "600", "-o", png.path, Self.examples.appendingPathComponent("logo.svg").path])
        options.branding.logo = png.path
        let raster = folder.appendingPathComponent("png.pdf")
        let document = try CardRenderer().render([Routine.builtIn("leg-cramps")], options: options)
        try document.data.write(to: raster)
        let rasterImages = try ExternalTool.run("pdfimages", ["-list", raster.path]).output.split(separator: "\n")
        #expect(rasterImages.count - 2 >= 1)
        // Parts of the personal line are held together with no-break spaces.
        let text = try ExternalTool.run("pdftotext", [raster.path, "-"]).output.replacingOccurrences(of: "\u{A0}", with: " ")
        #expect(text.contains("Riverside Physiotherapy") && text.contains("0161 555 0100"))
        #expect(text.contains("Next review: 12 March"), "pdftotext may set the year's last digit apart")
    }

    @Test(arguments: [
        ("en", ["SYMPTOM DIARY", "Cramps", "Longest (min)", "Pain 0–10", "Woke me", "A cramp over 10 min: see a doctor.", "Next review: 12 March 2027"]),
        (
            "es",
            ["DIARIO DE SÍNTOMAS", "Calambres", "Más largo (min)", "Dolor 0–10", "Me despertó", "consulte al médico", "Próxima revisión: 12 de marzo de 2027"]
        ),
        ("de", ["BESCHWERDETAGEBUCH", "Krämpfe", "Längster (Min.)", "Schmerz 0–10", "Geweckt", "ärztlich abklären", "Nächste Kontrolle: 12. März 2027"]),
    ])
    func theDiaryAndReviewDateSpeakTheCardsLanguage(language: String, words: [String]) throws {
        var options = CardOptions()
        options.diary = true
        options.personal.review = CalendarDate(year: 2027, month: 3, day: 12)
        let layout = try CardRenderer().layout([Routine.builtIn("leg-cramps", language: language)], options: options)[0]
        let text = layout.pages.flatMap(\.texts).map(\.text).joined(separator: "\n").replacingOccurrences(of: "\u{A0}", with: " ")
            .replacingOccurrences(of: "\u{FEFF}", with: "")
        for word in words { #expect(text.contains(word), "\(language): \(word)") }
        #expect(layout.pages.flatMap(\.texts).filter { ["Mon", "Lun", "Mo"].contains($0.text) }.count == 1, "one row per weekday")
    }

    @Test func aRoutineChoosesItsDiaryColumns() throws {
        var routine = try Routine.builtIn("night-cramps")
        routine.diary = [.count, .sleep]
        let layout = try CardRenderer().layout([routine])[0]
        let text = layout.pages.flatMap(\.texts).map(\.text)
        #expect(text.contains("Cramps") && text.contains("Woke me"))
        #expect(!text.contains("Pain 0–10") && !text.contains("A cramp over 10 min: see a doctor."), "the long-cramp mark goes with its column")
    }

    @Test func checkFlagsALowResolutionLogoAndACodeTooSmallForItsAddress() throws {
        let folder = try ExternalTool.temporaryFolder()
        let small = folder.appendingPathComponent("small.png")
        _ = try ExternalTool.run("rsvg-convert", ["-w", "40", "-o", small.path, Self.examples.appendingPathComponent("logo.svg").path])
        var options = clinicOptions(.fridge)
        options.branding.logo = small.path
        var routine = try clinicRoutine()
        guard case .exercises(var exercises) = routine.sections[0].content else { throw CocoaError(.featureUnsupported) }
        exercises[0].video = "https://riverside-physio.example/videos/" + String(repeating: "calf-raises-", count: 100)
        routine.sections[0].content = .exercises(exercises)
        let findings = try CardRenderer().check([routine], options: options)
        #expect(findings.contains { $0.code == "low-resolution" && $0.message.contains("small.png") })
        #expect(findings.contains { $0.code == "qr-too-small" && $0.message.contains("too small for its data") })
        #expect(try CardRenderer().check([clinicRoutine()], options: clinicOptions(.fridge)).allSatisfy { $0.code != "qr-too-small" })
        // Codes asked for a routine with no videos: said, not silently nothing.
        #expect(try CardRenderer().check([Routine.builtIn("leg-cramps")], options: clinicOptions(.fridge)).contains { $0.code == "no-videos" })
    }

    @Test func aLogoIsHeldToThePictureRules() throws {
        let folder = try ExternalTool.temporaryFolder()
        let fake = folder.appendingPathComponent("logo.png")
        try Data("not a png".utf8).write(to: fake)
        for (logo, phrase) in [(fake.path, "not a PNG file"), ("/etc/passwd", "SVG or PNG"), ("logo.svg", "absolute path"), ("/nope/logo.svg", "no file")] {
            var options = CardOptions()
            options.branding.logo = logo
            #expect(throws: RoutineCardError.self) { try CardRenderer().render([Routine.builtIn("leg-cramps")], options: options) }
            do { _ = try CardRenderer().render([Routine.builtIn("leg-cramps")], options: options) } catch {
                #expect(error.code == .invalidOption && error.message.contains(phrase), "\(logo): \(error.message)")
            }
        }
    }

    @Test func datesAreCheckedAndFormatted() {
        #expect(CalendarDate(iso: "2027-02-29") == nil && CalendarDate(iso: "2028-02-29") != nil)
        #expect(CalendarDate(iso: "12/03/2027") == nil && CalendarDate(iso: "2027-3-12") == nil)
        let date = CalendarDate(year: 2027, month: 3, day: 12)
        #expect(date.map(HandoutLabels.forLanguage("de").format) == "12. März 2027")
        #expect(date.map(HandoutLabels.forLanguage("es-MX").format) == "12 de marzo de 2027")
    }
}
