import ArgumentParser
import Foundation
import RoutineCard
import RoutineCardBatch

struct GalleryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gallery",
        abstract: "Render every built-in illustration and icon with its name, for reviewing the set."
    )

    @Option(name: .shortAndLong, help: "The file to write (.pdf, .png or .svg).")
    var output: String = "gallery.pdf"

    @Option(help: "color, ink-saver or high-contrast.")
    var theme: String = "color"

    @Option(help: "Pixels per inch for PNG.")
    var dpi: Double = 100

    func run() throws {
        do {
            guard let themeName = Theme.Name(rawValue: theme) else {
                throw UsageError(message: "unknown theme '\(theme)'; use \(Theme.Name.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let ext = URL(fileURLWithPath: output).pathExtension
            guard let format = OutputFormat(fileExtension: ext) else {
                throw UsageError(message: "name the output .pdf, .png or .svg")
            }
            let document = try CardRenderer().renderGallery(theme: themeName, output: OutputOptions(format: format, dpi: dpi))
            let written = try document.write(to: URL(fileURLWithPath: output))
            printError("routinecard: wrote \(written.map(\.relativePath).joined(separator: ", "))")
        } catch {
            throw ExitCode(report(error))
        }
    }
}
