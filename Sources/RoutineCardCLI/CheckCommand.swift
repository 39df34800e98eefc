import ArgumentParser
import Foundation
import RoutineCard
import RoutineCardBatch

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Preflight: check cards for print problems without writing them.",
        discussion: """
            Reports text that had to shrink or continue onto more cards, characters no installed font \
            can draw (with their code point and place), pictures below 150 dpi, anything outside the \
            safe area, text contrast below 4.5:1 (7:1 in high contrast), and body text below the \
            template's minimum. Exit status: 0 clean or warnings only; 65 errors, or any finding with --strict.
            """
    )

    @Argument(help: "Routines to check (built-in ids, files, - for standard input; ROUTINE#SECTION).")
    var routines: [String] = []

    @OptionGroup var layout: LayoutOptions

    @Flag(help: "Print the findings as JSON on standard output (an empty list for a clean card).")
    var json = false

    @Flag(help: "Fail (exit 65) on warnings too.")
    var strict = false

    func run() throws {
        do {
            let settings = try layout.settings
            let options: CardOptions
            let language: String?
            do {
                options = try settings.cardOptions()
                language = try settings.languageOverride()
            } catch {
                throw UsageError(message: error.description)
            }
            let names = routines.isEmpty ? ["leg-cramps"] : routines
            let loaded = try names.map { try RenderCommand.load($0, language: language, pictureFolders: layout.pictureFolders) }
            let findings = try CardRenderer().check(loaded, options: options)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(findings), as: UTF8.self))
            }
            for finding in findings { printError("routinecard: \(finding)") }
            if findings.isEmpty, !json { printError("routinecard: no findings") }
            // --strict refuses warnings too; a note (a routine that runs over well-filled cards) is not a fault.
            if findings.contains(where: { $0.severity == .error }) || (strict && findings.contains { $0.severity != .note }) {
                throw ExitCode(ExitStatus.dataError)
            }
        } catch let error as ExitCode {
            throw error
        } catch {
            throw ExitCode(report(error))
        }
    }
}
