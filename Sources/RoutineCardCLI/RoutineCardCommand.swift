import ArgumentParser
import RoutineCard

@main
struct RoutineCardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routinecard",
        abstract: "Lay out stretch routines and therapy instructions as printable cards (PDF, PNG, SVG).",
        discussion: """
            Run `routinecard render` to write the built-in leg-cramp card to leg-cramps.pdf.

            Exit status: 0 all written; 1 some outputs failed; 64 usage error; \
            65 invalid input data; 74 input/output error.
            """,
        version: RoutineCardInfo.version,
        subcommands: [RenderCommand.self, ListCommand.self, ShowCommand.self, ValidateCommand.self, NewCommand.self, SchemaCommand.self, GalleryCommand.self, BatchCommand.self, CheckCommand.self, CalibrateCommand.self],
        defaultSubcommand: nil
    )
}
