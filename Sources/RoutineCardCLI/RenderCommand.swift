import ArgumentParser
import Foundation
import RoutineCard

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render routines as a card (PDF, PNG or SVG).",
        discussion: """
            ROUTINE is a built-in id (see `routinecard list`), a routine file (.yaml, .yml, .json), \
            or - for standard input; add #SECTION to take one section (leg-cramps#stretches). \
            Several routines go into one document. With no ROUTINE, renders leg-cramps.
            """
    )

    @Argument(help: "Routines to put on the card.")
    var routines: [String] = []

    @Option(name: .shortAndLong, help: "The file to write; its extension picks the format. '-' writes to standard output.")
    var output: String?

    @Option(help: "pdf, png or svg (default: from the output's extension, else pdf).")
    var format: String?

    @Option(help: "Pixels per inch for PNG.")
    var dpi: Double = 300

    @Option(help: "fridge (one large-type card), sheet (a full-page handout) or wallet (a bank-card-sized card, front and back).")
    var template: String = "fridge"

    @Option(help: "a4, a5, a6, letter, half-letter, 4x6in, 5x7in, 3x5in, wallet, or WxH with a unit (100x150mm). Default: the template's (a6, a4, wallet).")
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
    var theme: String = "color"

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

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        do {
            try render()
        } catch let error as ExitCode {
            throw error
        } catch {
            throw ExitCode(report(error))
        }
    }

    private func render() throws {
        let options = try cardOptions()
        let format = try outputFormat()
        let names = routines.isEmpty ? ["leg-cramps"] : routines
        let loaded = try names.map { try RoutineReference($0).load() }
        let document = try CardRenderer().render(loaded, options: options, output: OutputOptions(
            format: format, dpi: dpi, creationDate: Self.sourceDate(), author: byName
        ))
        if !quiet {
            for note in document.notes { printError("routinecard: \(note)") }
        }
        if output == "-" {
            guard document.files.count == 1 else {
                throw UsageError(message: "the card has \(document.files.count) pages; a PNG on standard output can hold only one (write to a file instead)")
            }
            FileHandle.standardOutput.write(document.data)
            return
        }
        let target = URL(fileURLWithPath: output ?? "\(loaded.count == 1 ? loaded[0].id : "routines").\(format.rawValue)")
        let written = try document.write(to: target)
        if !quiet {
            let cards = document.pageCount == 1 ? "1 card" : "\(document.pageCount) cards"
            printError("routinecard: wrote \(written.map(\.relativePath).joined(separator: ", ")) (\(cards))")
        }
    }

    private func outputFormat() throws -> OutputFormat {
        let fromName = output.flatMap { $0 == "-" ? nil : URL(fileURLWithPath: $0).pathExtension }.flatMap { $0.isEmpty ? nil : $0 }
        if let format {
            guard let chosen = OutputFormat(rawValue: format.lowercased()) else {
                throw UsageError(message: "unknown format '\(format)'; use pdf, png or svg")
            }
            if let fromName, let implied = OutputFormat(fileExtension: fromName), implied != chosen {
                throw UsageError(message: "--format \(chosen.rawValue) disagrees with the output name ending in .\(fromName)")
            }
            return chosen
        }
        guard let fromName else { return .pdf }
        guard let implied = OutputFormat(fileExtension: fromName) else {
            throw UsageError(message: "cannot tell the format from '.\(fromName)'; name the file .pdf, .png or .svg, or pass --format")
        }
        return implied
    }

    private func cardOptions() throws -> CardOptions {
        guard let template = Template(rawValue: template) else {
            throw UsageError(message: "unknown template '\(self.template)'; use \(Template.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var paper: Paper?
        if let name = self.paper {
            do { paper = try Paper.parse(name) } catch { throw UsageError(message: error.description) }
        }
        var marginPoints: Double?
        if let margin {
            do { marginPoints = try Length.parse(margin) } catch { throw UsageError(message: error.description) }
            if let points = marginPoints, points < 0 { throw UsageError(message: "the margin cannot be negative") }
        }
        var bleedPoints = 0.0
        if let bleed {
            do { bleedPoints = try Length.parse(bleed) } catch { throw UsageError(message: error.description) }
            guard bleedPoints >= 0, bleedPoints <= Units.mm(20) else { throw UsageError(message: "--bleed must be between 0 and 20mm") }
        }
        guard let themeName = Theme.Name(rawValue: theme) else {
            throw UsageError(message: "unknown theme '\(theme)'; use \(Theme.Name.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard dpi >= 10, dpi <= 2400 else { throw UsageError(message: "--dpi must be between 10 and 2400") }
        return CardOptions(
            template: template, paper: paper, landscape: landscape, margin: marginPoints, bleed: bleedPoints, tracker: tracker,
            theme: themeName, fontFamily: font,
            personal: PersonalDetails(forName: forName, byName: byName, date: date, note: note)
        )
    }

    /// `SOURCE_DATE_EPOCH` (reproducible builds' convention) pins the PDF date; otherwise none is written.
    static func sourceDate() throws -> Date? {
        guard let value = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], !value.isEmpty else { return nil }
        guard let seconds = Int(value), seconds >= 0 else {
            throw UsageError(message: "SOURCE_DATE_EPOCH must be a whole number of seconds, not '\(value)'")
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
