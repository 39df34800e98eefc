import ArgumentParser
import Foundation
import RoutineCard
import RoutineCardBatch

/// The layout and output options shared by `render` and `check`.
struct LayoutOptions: ParsableArguments {
    @Option(help: "fridge (one large-type card), sheet (a full-page handout) or wallet (a bank-card-sized card, front and back).")
    var template: Template?

    @Option(
        help:
            "a4, a5, a6, a7, letter, half-letter, quarter-letter, 4x6in, 5x7in, 3x5in, wallet, or WxH with a unit (100x150mm). Default: the template's (a6, a4, wallet)."
    )
    var paper: String?

    @Flag(help: "Turn the paper sideways.")
    var landscape = false

    @Option(help: "Margin around the content, with a unit (default 7mm; 3.5mm on wallet cards).")
    var margin: String?

    @Option(help: "Extra paper around the card for backgrounds to run into, such as 3mm; sets the PDF TrimBox and BleedBox.")
    var bleed: String?

    @Flag(help: "Add a week of tick boxes (Monday to Sunday × sessions per day).")
    var tracker = false

    @Option(help: "color, ink-saver or high-contrast.")
    var theme: Theme.Name?

    @Option(help: "A font family to use instead of the theme's (falls back to an installed font).")
    var font: String?

    @Option(name: .customLong("for"), help: "Who the card is for.")
    var forName: String?

    @Option(name: .customLong("by"), help: "Who made the card (also the PDF author).")
    var byName: String?

    @Option(help: "A date to print on the card.")
    var date: String?

    @Option(help: "A short personal note printed on the card.")
    var note: String?

    @Option(help: "The card's language (en, es, de): a built-in routine's translation, and the words the card adds.")
    var language: String?

    @Option(help: ArgumentHelp("The clinic's logo (SVG or PNG): on the fridge card's foot, the handout's header, the wallet card's back.", valueName: "file"))
    var logo: String?

    @Option(help: ArgumentHelp("A line of the clinic's contact (name, phone, web); give it twice for two lines.", valueName: "text"))
    var contact: [String] = []

    @Flag(help: "Print a QR code to the video of each exercise (and of the routine) that has one.")
    var qr = false

    @Flag(help: "Add a week's symptom diary: cramps, the longest (minutes), pain 0–10, woken at night.")
    var diary = false

    @Option(help: ArgumentHelp("The date of the next review, printed with the personal details.", valueName: "YYYY-MM-DD"))
    var review: String?

    @Option(help: "pdf, png or svg (default: from the output's extension, else pdf).")
    var format: OutputFormat?

    @Option(
        help:
            "Put the cards on printer sheets: a4 or letter (A6, A7 and quarter-Letter cards tile them edge to edge), or any (210 × 279.4 mm: prints at 100 % on both)."
    )
    var sheet: SheetOptions.Kind?

    @Option(help: "With --sheet: how many copies of the cards, collated, or fill (as many as the last sheet holds).")
    var copies: String?

    @Option(help: "With --sheet, for two-sided cards: the edge the paper turns over for the back, long or short.")
    var flip: SheetOptions.Flip?

    @Option(help: "With --sheet: how far the back prints from the front, as measured on `routinecard calibrate`, e.g. 1.5mm,-0.5mm.")
    var backOffset: String?

    @Option(help: "Pixels per inch for PNG (default 300).")
    var dpi: Double?

    @Option(help: ArgumentHelp("A folder whose pictures routines may use, besides their own folder (repeatable).", valueName: "folder"))
    var picturesFrom: [String] = []

    /// The folders given with --pictures-from.
    var pictureFolders: [URL] { picturesFrom.map { URL(fileURLWithPath: $0, isDirectory: true) } }

    @Option(
        help:
            "A YAML file of defaults (paper, template, theme, language, by, font, margin, dpi, sheet, back_offset, logo, contact, qr, diary); default: $XDG_CONFIG_HOME/routinecard/config.yaml or ~/.config/routinecard/config.yaml. Options given here win."
    )
    var config: String?

    /// The options as given, filled in from the config file.
    var settings: CardSettings {
        get throws {
            try given.filled(from: configDefaults(config))
        }
    }

    private var given: CardSettings {
        var settings = CardSettings()
        settings.template = template?.rawValue
        settings.paper = paper
        settings.landscape = landscape
        settings.margin = margin
        settings.bleed = bleed
        settings.tracker = tracker
        settings.theme = theme?.rawValue
        settings.font = font
        settings.forName = forName
        settings.byName = byName
        settings.date = date
        settings.note = note
        settings.language = language
        settings.format = format?.rawValue
        settings.dpi = dpi
        settings.sheet = sheet?.rawValue
        settings.copies = copies
        settings.flip = flip?.rawValue
        settings.backOffset = backOffset
        // A logo on the command line is where the user's shell is.
        settings.logo = logo.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        settings.contact = contact.isEmpty ? nil : contact.flatMap(CardSettings.contactLines)
        settings.qr = qr
        settings.diary = diary
        settings.review = review
        return settings
    }
}

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render routines as a card (PDF, PNG or SVG).",
        discussion: """
            ROUTINE is a built-in id (see `routinecard list`), a routine file (.yaml, .yml, .json), \
            or - for standard input; add #SECTION to take one section (leg-cramps#stretches). \
            Several routines go into one document; with --out-dir each goes into its own file, named \
            after it. With no ROUTINE, renders leg-cramps.

            Exit status: 0 written; 64 usage error; 65 invalid input; 74 input/output error.
            """
    )

    @Argument(help: "Routines to put on the card.")
    var routines: [String] = []

    @Option(name: .shortAndLong, help: "The file to write; its extension picks the format. '-' writes to standard output.")
    var output: String?

    @Option(help: "Write one file per routine into this folder (created if missing), named after each routine.")
    var outDir: String?

    @OptionGroup var layout: LayoutOptions

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Treat preflight warnings as errors: exit 65 and write no file.")
    var strict = false

    func run() throws {
        // Ctrl-C while a file is being written: delete it, write nothing.
        Interruption.install()
        do {
            try render()
        } catch let error as ExitCode {
            throw error
        } catch {
            throw ExitCode(report(error))
        }
    }

    private func render() throws {
        let settings = try layout.settings
        if !quiet { for note in settings.notes { printError("routinecard: note: \(note)") } }
        let options: CardOptions
        let format: OutputFormat
        let language: String?
        do {
            options = try settings.cardOptions()
            format = try settings.outputFormat(for: output)
            language = try settings.languageOverride()
            try settings.checkRaster(options, format: format)
        } catch {
            throw UsageError(message: error.description)
        }
        if outDir != nil, output != nil { throw UsageError(message: "give either -o or --out-dir, not both") }
        if output?.isEmpty == true { throw UsageError(message: "-o needs a file name (or - for standard output)") }
        let names = routines.isEmpty ? ["leg-cramps"] : routines
        let output = OutputOptions(format: format, dpi: settings.resolution, creationDate: try Self.sourceDate(), author: settings.byName)

        if let outDir {
            // One file per routine, named after the file (or the built-in id).
            let folder = URL(fileURLWithPath: outDir, isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var used: Set<String> = []
            for name in names {
                let routine = try Self.load(name, language: language, pictureFolders: layout.pictureFolders)
                let path = URL(fileURLWithPath: name.split(separator: "#").first.map(String.init) ?? name).deletingPathExtension().lastPathComponent
                var stem = path == "-" ? routine.id : path
                // Two routines with one name (a/card.yaml, b/card.yaml) get card.pdf and card_2.pdf.
                if used.contains(stem) { stem = (2...).lazy.map { "\(stem)_\($0)" }.first { !used.contains($0) } ?? stem }
                used.insert(stem)
                let target = folder.appendingPathComponent("\(stem).\(format.rawValue)")
                let document = try CardRenderer().render([routine], options: options, output: output)
                try refuseIfStrict(document)
                try write(document, to: target)
            }
            return
        }
        let loaded = try names.map { try Self.load($0, language: language, pictureFolders: layout.pictureFolders) }
        let document = try CardRenderer().render(loaded, options: options, output: output)
        try refuseIfStrict(document)
        if self.output == "-" {
            if !quiet { for note in document.notes { printError("routinecard: \(note)") } }
            guard document.files.count == 1 else {
                throw UsageError(
                    message: "the card has \(document.files.count) pages; a PNG or SVG on standard output can hold only one (write to a file instead)")
            }
            try writeStandardOutput(document.data)
            return
        }
        let target = URL(fileURLWithPath: self.output ?? "\(loaded.count == 1 ? loaded[0].id : "routines").\(format.rawValue)")
        try write(document, to: target)
    }

    /// Reports preflight findings; with --strict any finding stops the render before a file is written.
    private func refuseIfStrict(_ document: RenderedDocument) throws {
        let serious = document.findings.filter { $0.severity == .error || (strict && $0.severity != .note) }
        for finding in document.findings where !quiet || serious.contains(finding) { printError("routinecard: \(finding)") }
        if strict, !serious.isEmpty {
            printError("routinecard: not written: --strict refuses a card with preflight findings")
            throw ExitCode(ExitStatus.dataError)
        }
    }

    private func write(_ document: RenderedDocument, to target: URL) throws {
        let written = try document.write(to: target)
        guard !quiet else { return }
        printError("routinecard: wrote \(written.map(\.relativePath).joined(separator: ", ")) (\(document.summary))")
    }

    /// The routine `name` names; for a built-in, its translation into `language` when there is one.
    static func load(_ name: String, language: String?, pictureFolders: [URL] = []) throws -> Routine {
        try RoutineReference(name).load(language: language, pictureFolders: pictureFolders)
    }

    /// `SOURCE_DATE_EPOCH` (reproducible builds' convention) pins the PDF date; otherwise none is written.
    static func sourceDate() throws -> Date? {
        guard let value = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], !value.isEmpty else { return nil }
        // Up to the end of year 9999: the PDF date has four digits, and larger numbers would not
        // survive the round trip through a floating-point Date.
        guard let seconds = Int(value), (0...253_402_300_799).contains(seconds) else {
            throw UsageError(message: "SOURCE_DATE_EPOCH must be a whole number of seconds up to 253402300799 (year 9999), not '\(value)'")
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
