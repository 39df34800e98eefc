/// Why the library could not do what was asked: the one error type its public functions throw.
///
/// Switch over ``code`` to decide what to do; show ``description`` to a person.
public struct RoutineCardError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The routine breaks the format's rules, or no routine has the id asked for;
        /// ``RoutineCardError/diagnostics`` lists each problem with its file, line and column.
        case invalidRoutine
        /// An option has a value the library cannot use (a paper too large, a resolution too high).
        case invalidOption
        /// The routine does not fit the chosen paper even across several cards.
        case cannotLayOut
        /// Drawing failed: a picture that does not decode, a font or surface the C libraries refused.
        case renderingFailed
        /// Reading or writing a file failed (a missing file, a full disk, no permission).
        case inputOutput
        /// Writing was stopped by an interruption before the file was complete; nothing was left behind.
        case interrupted
    }

    /// What kind of failure this is.
    public let code: Code
    /// What went wrong, in words for the person using the program.
    public let message: String
    /// For ``Code/invalidRoutine``: every problem found, each at its `file:line:column`.
    public let diagnostics: [Diagnostic]

    /// An error of `code` saying `message`, with the routine problems behind it, if any.
    public init(_ code: Code, _ message: String, diagnostics: [Diagnostic] = []) {
        self.code = code
        self.message = message
        self.diagnostics = diagnostics
    }

    /// The message, or for an invalid routine its diagnostics one per line.
    public var description: String {
        diagnostics.isEmpty ? message : diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// An error of one of the layers that says which ``RoutineCardError`` it is.
package protocol RoutineCardErrorConvertible: Error {
    var routineCardError: RoutineCardError { get }
}

extension RoutineCardError {
    /// `error` as the library's error: itself, what a layer's error says it is, or a failure to draw.
    package init(_ error: any Error) {
        switch error {
        case let error as RoutineCardError: self = error
        case let error as any RoutineCardErrorConvertible: self = error.routineCardError
        default: self.init(.renderingFailed, "\(error)")
        }
    }
}

extension RoutineLoadError: RoutineCardErrorConvertible {
    package var routineCardError: RoutineCardError {
        RoutineCardError(.invalidRoutine, description, diagnostics: diagnostics)
    }
}
