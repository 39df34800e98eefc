import Foundation
import RoutineCard

/// No section of a routine has the id that was asked for.
package struct UnknownSectionError: Error, Sendable, CustomStringConvertible {
    package let routine: String
    package let section: String
    /// The section ids that exist, closest to `section` first.
    package let known: [String]

    package var description: String {
        "routine '\(routine)' has no section '\(section)'; its sections are: \(known.joined(separator: ", "))"
    }
}

/// What a user names to get a routine: a built-in id, a file path, or `-` for standard input, each
/// optionally followed by `#section` to keep one section (`leg-cramps#stretches`).
package struct RoutineReference: Hashable, Sendable, CustomStringConvertible {
    package enum Source: Hashable, Sendable {
        case builtIn(String)
        case file(URL)
        case standardInput
    }

    package var source: Source
    package var section: String?
    /// As the user wrote it.
    package var description: String

    /// Reads a reference. Relative paths resolve against `base` (the current folder when nil).
    package init(_ text: String, relativeTo base: URL? = nil) {
        description = text
        var name = text
        section = nil
        let fileManager = FileManager.default
        func url(_ path: String) -> URL {
            if path.hasPrefix("/") { return URL(fileURLWithPath: path) }
            return URL(fileURLWithPath: path, relativeTo: base ?? URL(fileURLWithPath: fileManager.currentDirectoryPath)).standardizedFileURL
        }
        if let hash = text.lastIndex(of: "#"), !fileManager.fileExists(atPath: url(text).path) {
            name = String(text[..<hash])
            section = String(text[text.index(after: hash)...])
        }
        let lower = name.lowercased()
        if name == "-" {
            source = .standardInput
        } else if name.contains("/") || [".yaml", ".yml", ".json"].contains(where: lower.hasSuffix)
            || fileManager.fileExists(atPath: url(name).path)
        {
            source = .file(url(name))
        } else {
            source = .builtIn(name)
        }
    }

    /// Loads the routine, keeping only the named section when there is one.
    /// - Parameter standardInput: supplies standard input's bytes when the reference is `-`.
    /// - Parameter pictureFolders: folders besides the routine's own whose pictures it may use (for
    ///   standard input, the routine's own folder is the working directory).
    /// Every picture file the routine names is decoded on the way in.
    /// - Parameter language: for a built-in routine, its translation into this language when there is one.
    package func load(
        language: String? = nil,
        standardInput: () throws -> Data = { try StandardInput.read(limit: RoutineLimits.fileBytes) }, pictureFolders: [URL] = []
    ) throws -> Routine {
        var routine: Routine
        switch source {
        case .builtIn(let id):
            routine = try Routine.builtIn(id, language: language)
        case .file(let url):
            let shown = description.split(separator: "#").first.map(String.init) ?? url.path
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw RoutineLoadError([Diagnostic(file: shown, line: 0, column: 0, message: "no such file")])
            }
            routine = try RoutineLoader.load(contentsOf: url, displayName: shown, pictureFolders: pictureFolders)
        case .standardInput:
            let data = try standardInput()
            let firstByte = data.first { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }
            routine = try RoutineLoader.load(
                data: data, file: "<stdin>", format: firstByte == UInt8(ascii: "{") ? .json : .yaml,
                baseDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
                pictureFolders: pictureFolders, fallbackID: "stdin")
        }
        if let section {
            guard let chosen = routine.section(section) else {
                throw UnknownSectionError(
                    routine: routine.id, section: section,
                    known: Suggestions.ranked(section, routine.sections.map(\.id)))
            }
            routine.sections = [chosen]
        }
        return routine
    }
}

/// Reads standard input up to a limit and no further, with the system's calls (Foundation's
/// `readDataToEndOfFile` reads without bound and traps on a closed descriptor).
package enum StandardInput {
    /// The bytes of standard input; more than `limit` is an error naming the limit.
    package static func read(limit: Int) throws(RoutineLoadError) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while data.count <= limit {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count == 0 { return data }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                throw RoutineLoadError([Diagnostic(file: "<stdin>", line: 0, column: 0, message: "cannot read standard input: \(reason)")])
            }
            data.append(contentsOf: buffer[0..<count])
        }
        throw RoutineLoadError([
            Diagnostic(
                file: "<stdin>", line: 0, column: 0,
                message: "standard input holds more than \(limit / 1000) kB; a routine may be at most that")
        ])
    }
}
