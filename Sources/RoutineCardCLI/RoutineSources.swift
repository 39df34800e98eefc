import Foundation
import RoutineCard

/// No section of the routine has the id that was asked for.
struct UnknownSectionError: Error, CustomStringConvertible {
    var routine: String
    var section: String
    var known: [String]
    var description: String {
        "routine '\(routine)' has no section '\(section)'; its sections are: \(known.joined(separator: ", "))"
    }
}

/// Turns ROUTINE arguments into routines: a built-in id, a file path, or `-` for standard input,
/// each optionally followed by `#section`.
enum RoutineSources {
    static func resolve(_ argument: String) throws -> Routine {
        var name = argument
        var sectionID: String?
        if let hash = argument.lastIndex(of: "#"), !FileManager.default.fileExists(atPath: argument) {
            name = String(argument[..<hash])
            sectionID = String(argument[argument.index(after: hash)...])
        }
        var routine = try load(name)
        if let sectionID {
            guard let section = routine.section(sectionID) else {
                let ids = routine.sections.map(\.id)
                let ranked = ids.sorted { distance(sectionID, $0) < distance(sectionID, $1) }
                throw UnknownSectionError(routine: routine.id, section: sectionID, known: ranked)
            }
            routine.sections = [section]
        }
        return routine
    }

    private static func load(_ name: String) throws -> Routine {
        if name == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            let format: RoutineFileFormat = data.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) == UInt8(ascii: "{") ? .json : .yaml
            return try RoutineLoader.load(data: data, file: "<stdin>", format: format, fallbackID: "stdin")
        }
        let looksLikePath = name.contains("/") || name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json")
        if looksLikePath || FileManager.default.fileExists(atPath: name) {
            guard FileManager.default.fileExists(atPath: name) else {
                throw RoutineLoadError([Diagnostic(file: name, line: 0, column: 0, message: "no such file")])
            }
            return try RoutineLoader.load(contentsOf: URL(fileURLWithPath: name), displayName: name)
        }
        return try Routine.builtIn(name)
    }

    private static func distance(_ a: String, _ b: String) -> Int {
        if b.hasPrefix(a) || a.hasPrefix(b) { return 0 }
        return Set(a).symmetricDifference(Set(b)).count
    }
}
