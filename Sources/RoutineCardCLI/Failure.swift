import ArgumentParser
import Foundation
import RoutineCard

/// Exit statuses from sysexits.h, as documented in `--help` and the README.
enum ExitStatus {
    static let partial: Int32 = 1
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let ioError: Int32 = 74
    static let interrupted: Int32 = 130
}

/// Writes a line to standard error. A closed or full standard error loses the line, nothing more.
func printError(_ message: String) {
    try? AtomicFile.writeAll(Data((message.hasSuffix("\n") ? message : message + "\n").utf8), to: STDERR_FILENO, name: "standard error")
}

/// Writes to standard output. A closed, full or broken standard output ends the command with
/// status 74: silently for a reader that went away (`| head`), else with a message.
func writeStandardOutput(_ data: Data) throws {
    do {
        try AtomicFile.writeAll(data, to: STDOUT_FILENO, name: "standard output")
    } catch {
        if error.errorNumber != EPIPE { printError("routinecard: error: \(error.description)") }
        throw ExitCode(ExitStatus.ioError)
    }
}

/// Reports `error` on stderr in the user's terms and returns the exit status it deserves.
func report(_ error: any Error) -> Int32 {
    switch error {
    case let exit as ExitCode:
        // Already reported where it happened.
        return exit.rawValue
    case let error as ConfigFileError:
        // A broken config file is a setting of the caller's, not the card's data.
        for diagnostic in error.diagnostics { printError(diagnostic.description) }
        return ExitStatus.usage
    case let error as RoutineLoadError:
        for diagnostic in error.diagnostics { printError(diagnostic.description) }
        return ExitStatus.dataError
    case let error as UnknownRoutineError:
        printError("routinecard: error: \(error)")
        return ExitStatus.dataError
    case let error as UnknownSectionError:
        printError("routinecard: error: \(error)")
        return ExitStatus.dataError
    case let error as LayoutError:
        printError("routinecard: error: cannot lay out the card: \(error)")
        return ExitStatus.dataError
    case let error as RenderError:
        // The card could not be drawn from this input (a picture that fails, a page too large).
        printError("routinecard: error: cannot draw the card: \(error)")
        return ExitStatus.dataError
    case let error as SettingError:
        printError("routinecard: error: \(error.description)")
        return ExitStatus.usage
    case let error as UsageError:
        printError("routinecard: error: \(error.message)")
        return ExitStatus.usage
    case let error as OutputError:
        printError("routinecard: error: \(error.description)")
        return error.kind == .interrupted ? ExitStatus.interrupted : ExitStatus.ioError
    case let error as CocoaError:
        printError("routinecard: error: \(error.localizedDescription)")
        return ExitStatus.ioError
    default:
        printError("routinecard: error: \(error)")
        return ExitStatus.ioError
    }
}

/// The config file could not be used; its problems, each at its line.
struct ConfigFileError: Error {
    var diagnostics: [Diagnostic]
}

/// A mistake in how the command was called.
struct UsageError: Error {
    var message: String
}
