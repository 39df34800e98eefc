import ArgumentParser
import RoutineCard
import RoutineCardBatch

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of routine files, for editors to complete and check them."
    )

    func run() {
        print(RoutineFiles.schema, terminator: "")
    }
}
