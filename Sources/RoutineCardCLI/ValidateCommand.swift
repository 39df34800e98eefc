import ArgumentParser
import Foundation
import RoutineCard
import RoutineCardBatch

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check routine files; print every problem as FILE:LINE:COLUMN: error: MESSAGE.",
        discussion: "Exit status: 0 when every file is valid, 65 when any has errors."
    )

    @Argument(help: "Routine files (.yaml, .yml, .json), or - for standard input.")
    var files: [String]

    @Flag(help: "Print a JSON report on standard output instead.")
    var json = false

    struct Report: Encodable {
        var file: String
        var valid: Bool
        var errors: [Diagnostic]
        var warnings: [String] = []
    }

    /// Lays the routine out on every template and theme: the default card failing is an error,
    /// any other combination a warning naming it.
    static func layoutProblems(_ routine: Routine, file: String) -> (errors: [Diagnostic], warnings: [String]) {
        var errors: [Diagnostic] = [], warnings: [String] = []
        for template in Template.allCases {
            for theme in Theme.Name.allCases {
                do {
                    _ = try CardRenderer().layout([routine], options: CardOptions(template: template, theme: theme))
                } catch {
                    let card = (template == .sheet ? "the sheet" : "the \(template.rawValue) card") + (theme == .color ? "" : " in \(theme.rawValue)")
                    if template == .fridge, theme == .color {
                        errors.append(Diagnostic(file: file, line: 0, column: 0, message: "\(card) cannot hold this routine: \(error)"))
                    } else {
                        warnings.append("\(file): warning: \(card) cannot hold this routine: \(error)")
                    }
                }
            }
        }
        return (errors, warnings)
    }

    @Option(help: ArgumentHelp("A folder whose pictures routines may use, besides their own folder (repeatable).", valueName: "folder"))
    var picturesFrom: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one routine file") }
    }

    func run() throws {
        var reports: [Report] = []
        for file in files {
            do {
                let reference = RoutineReference(file)
                if case .builtIn = reference.source {
                    // A bare name that is not a file: say so rather than checking a built-in.
                    guard FileManager.default.fileExists(atPath: file) else {
                        throw RoutineLoadError([Diagnostic(file: file, line: 0, column: 0, message: "no such file")])
                    }
                }
                let routine = try reference.load(pictureFolders: picturesFrom.map { URL(fileURLWithPath: $0, isDirectory: true) })
                // Valid means the default card can be laid out; other templates that cannot hold it are named.
                let (errors, warnings) = Self.layoutProblems(routine, file: file)
                reports.append(Report(file: file, valid: errors.isEmpty, errors: errors, warnings: warnings))
            } catch {
                let error = RoutineCardError(error)
                let diagnostics = error.diagnostics.isEmpty ? [Diagnostic(file: file, line: 0, column: 0, message: error.message)] : error.diagnostics
                reports.append(Report(file: file, valid: false, errors: diagnostics))
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(reports), as: UTF8.self))
        } else {
            for report in reports {
                report.errors.forEach { printError($0.description) }
                report.warnings.forEach { printError($0) }
            }
            let bad = reports.filter { !$0.valid }
            let errorCount = bad.reduce(0) { $0 + $1.errors.count }
            if bad.isEmpty {
                printError("routinecard: \(reports.count == 1 ? "the file is" : "all \(reports.count) files are") valid")
            } else {
                printError(
                    "routinecard: \(errorCount) error\(errorCount == 1 ? "" : "s") in \(bad.count) of \(reports.count) file\(reports.count == 1 ? "" : "s")")
            }
        }
        if reports.contains(where: { !$0.valid }) { throw ExitCode(ExitStatus.dataError) }
    }
}
