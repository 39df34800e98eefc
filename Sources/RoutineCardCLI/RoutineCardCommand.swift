import ArgumentParser
import Foundation
import RoutineCard
import RoutineCardBatch

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
        subcommands: [
            RenderCommand.self, ListCommand.self, ShowCommand.self, ValidateCommand.self, NewCommand.self, SchemaCommand.self, GalleryCommand.self,
            BatchCommand.self, CheckCommand.self, CalibrateCommand.self, ServeCommand.self, BatchWorkerCommand.self, ServeWorkerCommand.self,
        ],
        defaultSubcommand: nil
    )

    private static let drawingCommands: Set<String> = ["render", "check", "batch-worker", "gallery", "calibrate", "serve", "serve-worker"]

    static func main() {
        // A reader that goes away (`| head`) makes writes fail with EPIPE instead of killing the process.
        signal(SIGPIPE, SIG_IGN)
        // Commands that draw cards set up and load their fonts on the second core while the
        // arguments and routines are read (the subcommand's name is always the first argument). The
        // tool draws no text of its own, so the card's fonts can be the process's configuration:
        // Pango then skips loading the system's.
        if let command = CommandLine.arguments.dropFirst().first, drawingCommands.contains(command) {
            CardRenderer.warmUp(cardFontsProcessWide: true)
        }
        main(nil)
    }
}
