import ArgumentParser
import Foundation
import RoutineCard
import RoutineCardBatch

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the built-in routines (or, with --illustrations, the built-in pictures)."
    )

    @Flag(help: "Print JSON instead of one line per routine.")
    var json = false

    @Flag(help: "List the built-in illustration and icon names instead.")
    var illustrations = false

    struct Entry: Encodable {
        var id: String
        var title: String
        var subtitle: String?
        var sections: [String]
        var languages: [String]
    }

    func run() throws {
        if illustrations {
            let names = Illustrations.builtInNames.sorted()
            if json {
                print(String(decoding: try JSONEncoder().encode(names), as: UTF8.self))
            } else {
                names.forEach { print($0) }
            }
            return
        }
        let routines = Routine.builtInIDs.compactMap { try? Routine.builtIn($0) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let entries = routines.map {
                Entry(id: $0.id, title: $0.title, subtitle: $0.subtitle, sections: $0.sections.map(\.id), languages: Routine.builtInLanguages(of: $0.id))
            }
            print(String(decoding: try encoder.encode(entries), as: UTF8.self))
            return
        }
        let width = routines.map(\.id.count).max() ?? 0
        for routine in routines {
            let padded = routine.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let languages = Routine.builtInLanguages(of: routine.id).joined(separator: " ")
            print("\(padded)  [\(languages)]  \(routine.title)  (\(routine.sections.map(\.id).joined(separator: ", ")))")
        }
    }
}
