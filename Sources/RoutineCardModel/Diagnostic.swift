/// A problem found in a routine file, with where it is.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible, Codable {
    /// The file as the user named it (or `<stdin>`, or `built-in:ID`).
    public var file: String
    /// 1-based line; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column; 0 when the problem concerns the whole file.
    public var column: Int
    /// What is wrong and what to write instead.
    public var message: String

    /// A problem at a place in a file.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: error: message`, the form compilers and editors understand.
    public var description: String {
        line > 0 ? "\(file):\(line):\(column): error: \(message)" : "\(file): error: \(message)"
    }
}

/// A routine file could not be read. Holds every problem found, not only the first.
package struct RoutineLoadError: Error, Sendable, CustomStringConvertible {
    package var diagnostics: [Diagnostic]

    package init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    package var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
