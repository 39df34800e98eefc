import Foundation

/// No routine has the id that was asked for.
public struct UnknownRoutineError: Error, Sendable, CustomStringConvertible {
    public let id: String
    /// The ids that exist, closest to `id` first.
    public let known: [String]

    public var description: String {
        "no built-in routine is called '\(id)'; the built-in routines are: \(known.joined(separator: ", "))"
            + " (or give the path of a routine file)"
    }
}

extension Routine {
    /// The ids of the routines built into the binary, sorted.
    public static var builtInIDs: [String] { BuiltInLibrary.shared.ids }

    /// A built-in routine by id (`leg-cramps`).
    /// - Throws: ``UnknownRoutineError`` listing the ids that exist.
    public static func builtIn(_ id: String) throws(UnknownRoutineError) -> Routine {
        guard let routine = BuiltInLibrary.shared.routines[id] else {
            throw UnknownRoutineError(id: id, known: Suggestions.ranked(id, BuiltInLibrary.shared.ids))
        }
        return routine
    }
}

/// The built-in routines, parsed once per process.
struct BuiltInLibrary: Sendable {
    static let shared = BuiltInLibrary()

    let routines: [String: Routine]
    let ids: [String]

    private init() {
        var routines: [String: Routine] = [:]
        for path in AssetStore.paths(in: "routines", suffix: ".yaml") {
            guard let data = AssetStore.data(path) else { continue }
            let stem = String(path.dropFirst("routines/".count).dropLast(".yaml".count))
            // The tests load every built-in routine and fail on any problem, so one cannot ship broken.
            guard let routine = try? RoutineLoader.load(data: data, file: "built-in:\(stem)", fallbackID: stem) else { continue }
            routines[routine.id] = routine
        }
        self.routines = routines
        self.ids = routines.keys.sorted()
    }
}
