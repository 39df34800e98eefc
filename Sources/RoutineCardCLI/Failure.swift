import ArgumentParser
import Foundation
import RoutineCard
import RoutineCardBatch

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

/// Reports `error` on stderr in the user's terms and returns the exit status it deserves: the one
/// place where causes become exit statuses.
func report(_ error: any Error) -> Int32 {
    // Already reported where it happened.
    if let exit = error as? ExitCode { return exit.rawValue }
    let (lines, status) = explanation(of: error)
    lines.forEach(printError)
    return status
}

private func explanation(of error: any Error) -> (lines: [String], status: Int32) {
    func line(_ text: String) -> [String] { ["routinecard: error: \(text)"] }
    switch error {
    // A broken config file is a setting of the caller's, not the card's data.
    case let error as ConfigFileError: return (error.diagnostics.map(\.description), ExitStatus.usage)
    case let error as UsageError: return (line(error.message), ExitStatus.usage)
    case is RoutineCardError, is any RoutineCardErrorConvertible:
        let error = RoutineCardError(error)
        switch error.code {
        case .invalidRoutine:
            return (error.diagnostics.isEmpty ? line(error.message) : error.diagnostics.map(\.description), ExitStatus.dataError)
        // The card could not be laid out or drawn from this input (a picture that fails, a page too large).
        case .cannotLayOut, .renderingFailed: return (line(error.message), ExitStatus.dataError)
        case .invalidOption: return (line(error.message), ExitStatus.usage)
        case .inputOutput: return (line(error.message), ExitStatus.ioError)
        case .interrupted: return (line(error.message), ExitStatus.interrupted)
        }
    default: return (line("\(error)"), ExitStatus.ioError)
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
