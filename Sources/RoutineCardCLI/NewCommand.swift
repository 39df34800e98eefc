import ArgumentParser
import Foundation
import RoutineCard
import RoutineCardBatch

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a commented starter routine that validates and renders."
    )

    @Argument(help: "The routine's name, such as \"Knee care\" or knee-care.")
    var name: String

    @Option(name: .shortAndLong, help: "The file to write (default: ID.yaml). '-' writes to standard output.")
    var output: String?

    @Flag(help: "Replace the file if it exists.")
    var force = false

    func run() throws {
        guard let id = RoutineFiles.identifier(from: name) else {
            throw ExitCode(
                report(UsageError(message: "the name has no letters or digits an id can use (a–z, 0–9); name it in Latin letters too, such as \"knee-care\"")))
        }
        let words = name.contains(" ") ? name : name.split(whereSeparator: { $0 == "-" || $0 == "_" }).joined(separator: " ")
        let title = words.prefix(1).uppercased() + words.dropFirst()
        let path = output ?? "\(id).yaml"
        let text = RoutineFiles.starter(id: id, title: title, fileName: path == "-" ? "\(id).yaml" : path)
        if path == "-" {
            print(text, terminator: "")
            return
        }
        let url = URL(fileURLWithPath: path)
        if FileManager.default.fileExists(atPath: url.path), !force {
            throw ExitCode(report(UsageError(message: "\(path) exists; pass --force to replace it")))
        }
        do {
            try AtomicFile.write(Data(text.utf8), to: url)
        } catch {
            throw ExitCode(report(error))
        }
        printError("routinecard: wrote \(path); try `routinecard render \(path)`")
    }
}
