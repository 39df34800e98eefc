import ArgumentParser
import RoutineCardServer

/// One render worker of `routinecard serve`: answers the server's jobs on its pipes.
struct ServeWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-worker", abstract: "Render cards for `routinecard serve` (internal).", shouldDisplay: false
    )

    func run() throws { RenderWorker.serve() }
}
