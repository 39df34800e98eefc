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

    /// A built-in routine by id (`leg-cramps`), in `language` when it has a translation into it
    /// (`es`, `de-AT` → German), else in English.
    /// - Throws: ``RoutineCardError`` with code `.invalidRoutine`, naming the ids that exist.
    public static func builtIn(_ id: String, language: String? = nil) throws(RoutineCardError) -> Routine {
        guard let routine = BuiltInLibrary.shared.routine(id, language: language) else {
            throw UnknownRoutineError(id: id, known: Suggestions.ranked(id, BuiltInLibrary.shared.ids)).routineCardError
        }
        return routine
    }

    /// The languages a built-in routine is written in (`["de", "en", "es"]`); empty for an unknown id.
    public static func builtInLanguages(of id: String) -> [String] { BuiltInLibrary.shared.languages(of: id) }

    /// A built-in routine's file as written (YAML with its comments and sources), to start a new
    /// routine from; nil for an unknown id.
    package static func builtInSource(_ id: String, language: String? = nil) -> String? {
        BuiltInLibrary.shared.path(id, language: language).flatMap(AssetStore.data).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// The built-in routines, each parsed the first time it is asked for (a card needs one, not all).
/// A routine's id is its file name: `Assets/routines/leg-cramps.yaml` holds `leg-cramps` in English,
/// and `leg-cramps.es.yaml`, `leg-cramps.de.yaml` its translations (the same id and sections, the
/// text in another language).
final class BuiltInLibrary: Sendable {
    static let shared = BuiltInLibrary()

    let ids: [String]
    /// Each id's translations: language → asset path.
    private let translations: [String: [String: String]]
    private let parsed = Mutex<[String: Routine]>([:])

    private init() {
        var translations: [String: [String: String]] = [:]
        var ids: [String] = []
        for path in AssetStore.paths(in: "routines", suffix: ".yaml") {
            let parts = path.dropFirst("routines/".count).dropLast(".yaml".count).split(separator: ".").map(String.init)
            guard let id = parts.first else { continue }
            if parts.count == 1 { ids.append(id) } else { translations[id, default: [:]][parts[1]] = path }
        }
        self.ids = ids.sorted()
        self.translations = translations
    }

    func languages(of id: String) -> [String] {
        guard ids.contains(id) else { return [] }
        return (["en"] + (translations[id].map { Array($0.keys) } ?? [])).sorted()
    }

    /// The asset path of a built-in routine's file in `language`, else in English.
    func path(_ id: String, language: String? = nil) -> String? {
        guard ids.contains(id) else { return nil }
        let primary = language.flatMap { $0.split(separator: "-").first.map { $0.lowercased() } }
        return primary.flatMap { translations[id]?[$0] } ?? "routines/\(id).yaml"
    }

    func routine(_ id: String, language: String? = nil) -> Routine? {
        guard let path = path(id, language: language) else { return nil }
        if let cached = parsed.withLock({ $0[path] }) { return cached }
        guard let data = AssetStore.data(path) else { return nil }
        // The tests load every built-in routine and fail on any problem, so one cannot ship broken.
        guard let routine = try? RoutineLoader.load(data: data, file: "built-in:\(path.dropFirst("routines/".count))", pictureCheck: .none, fallbackID: id)
        else { return nil }
        parsed.withLock { $0[path] = routine }
        return routine
    }
}
