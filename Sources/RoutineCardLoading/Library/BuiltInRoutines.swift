import Foundation
import RoutineCardModel
import Synchronization

/// No routine has the id that was asked for.
package struct UnknownRoutineError: Error, Sendable, CustomStringConvertible {
    package let id: String
    /// The ids that exist, closest to `id` first.
    package let known: [String]

    package var description: String {
        "no built-in routine is called '\(id)'; the built-in routines are: \(known.joined(separator: ", "))"
            + " (or give the path of a routine file)"
    }
}

extension Routine {
    /// The ids of the routines built into the binary, sorted.
    public static var builtInIDs: [String] { BuiltInLibrary.shared.ids }

    /// A built-in routine by id (`leg-cramps`).
    /// - Throws: ``RoutineCardError`` with code `.invalidRoutine`, naming the ids that exist.
    public static func builtIn(_ id: String) throws(RoutineCardError) -> Routine {
        guard let routine = BuiltInLibrary.shared.routine(id) else {
            throw UnknownRoutineError(id: id, known: Suggestions.ranked(id, BuiltInLibrary.shared.ids)).routineCardError
        }
        return routine
    }
}

/// The built-in routines, each parsed the first time it is asked for (a card needs one, not all).
/// A routine's id is its file name: `Assets/routines/leg-cramps.yaml` holds `leg-cramps`.
final class BuiltInLibrary: Sendable {
    static let shared = BuiltInLibrary()

    let ids: [String]
    private let parsed = Mutex<[String: Routine]>([:])

    private init() {
        ids = AssetStore.paths(in: "routines", suffix: ".yaml").map { String($0.dropFirst("routines/".count).dropLast(".yaml".count)) }
    }

    func routine(_ id: String) -> Routine? {
        if let cached = parsed.withLock({ $0[id] }) { return cached }
        guard ids.contains(id), let data = AssetStore.data("routines/\(id).yaml") else { return nil }
        // The tests load every built-in routine and fail on any problem, so one cannot ship broken.
        guard let routine = try? RoutineLoader.load(data: data, file: "built-in:\(id)", pictureCheck: .none, fallbackID: id) else { return nil }
        parsed.withLock { $0[id] = routine }
        return routine
    }
}
