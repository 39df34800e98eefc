import ArgumentParser
import Foundation
import RoutineCard

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the built-in routines."
    )

    func run() throws {
        for id in Routine.builtInIDs {
            guard let routine = try? Routine.builtIn(id) else { continue }
            let sections = routine.sections.map(\.id).joined(separator: ", ")
            print("\(id)\t\(routine.title)\t[\(sections)]")
        }
    }
}
