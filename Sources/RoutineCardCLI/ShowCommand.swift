import ArgumentParser
import Foundation
import RoutineCard
import RoutineCardBatch

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a routine as readable text, or as a JSON routine file with --json."
    )

    @Argument(help: "A built-in id, a routine file, or - for standard input (ROUTINE#SECTION for one section).")
    var routine: String

    @Flag(help: "Print the routine as a JSON routine file that renders the same card.")
    var json = false

    func run() throws {
        do {
            let loaded = try RoutineReference(routine).load()
            if json {
                try writeStandardOutput(try RoutineFiles.json(loaded))
                print()
            } else {
                print(RoutineText.render(loaded), terminator: "")
            }
        } catch {
            throw ExitCode(report(error))
        }
    }
}

/// A routine as plain text for the terminal.
enum RoutineText {
    static func render(_ routine: Routine) -> String {
        let labels = Labels.forLanguage(routine.language)
        func plain(_ text: String) -> String { EmphasisParser.parse(text).plain }
        var out = "\(plain(routine.title))\n"
        if let subtitle = routine.subtitle { out += "\(plain(subtitle))\n" }
        if let frequency = routine.frequency { out += "\(plain(frequency.text))\n" }
        for section in routine.sections {
            out += "\n\((section.title.map(plain) ?? labels.title(for: section.content.kind)).uppercased())  [#\(section.id)]\n"
            switch section.content {
            case .exercises(let items):
                for (index, item) in items.enumerated() {
                    out += "  \(index + 1). \(plain(item.name))"
                    let dose = labels.dose(item.dose)
                    out += dose.isEmpty ? "\n" : " — \(dose)\n"
                    for step in item.steps { out += "     \(plain(step))\n" }
                    if let caution = item.caution { out += "     \(labels.caution): \(plain(caution))\n" }
                }
            case .therapy(let items):
                for item in items {
                    out += "  \(plain(item.name ?? labels.name(for: item.kind)))"
                    out += item.duration.map { " — \(labels.time($0))\n" } ?? "\n"
                    if let spells = labels.spells(of: item) { out += "     \(spells)\n" }
                    for step in item.steps { out += "     \(plain(step))\n" }
                    if let caution = item.caution { out += "     \(labels.caution): \(plain(caution))\n" }
                }
            case .tips(let items):
                for item in items { out += "  • \(plain(item.text))\n" }
            case .notes(let items):
                for item in items { out += "  \(plain(item))\n" }
            case .help(let advice):
                for (label, items) in [(labels.urgent, advice.urgent), (labels.doctor, advice.doctor)] where !items.isEmpty {
                    out += "  \(label):\n"
                    for item in items { out += "     \(plain(item))\n" }
                }
            }
        }
        out += "\n\(plain(routine.disclaimer ?? labels.notMedicalAdvice))\n"
        return out
    }
}
