import Foundation
import Testing
import TestSupport
@testable import RoutineCard

/// Feeds the loader thousands of broken and random files: it must only ever return a routine or
/// errors with sensible positions, never trap or hang.
struct LoaderFuzzTests {
    static let fragments = [
        "- ", ": ", "\n", "  ", "{", "}", "[", "]", "\"", "'", "&a ", "*a", "!!int ", "#", "---\n", "...\n",
        "title", "sections", "exercises", "dose", "reps", "-1", "1e99", "null", "~", "\t", "|\n", ">\n",
        "\u{0}", "\u{FEFF}", "é", "≤", "×", "<b>", "&amp;", "**", "_", "%", "@", "`", "? ", "15-20 min",
    ]

    func check(_ data: Data, format: RoutineFileFormat) {
        let lines = data.filter { $0 == 0x0A }.count + 2
        do {
            _ = try RoutineLoader.load(data: data, file: "fuzz", format: format)
        } catch {
            #expect(!error.diagnostics.isEmpty)
            for diagnostic in error.diagnostics {
                #expect(diagnostic.line >= 0 && diagnostic.line <= lines, "\(diagnostic)")
                #expect(!diagnostic.message.isEmpty)
            }
        }
    }

    @Test func mutatedBuiltInRoutinesNeverTrap() throws {
        var generator = SeededGenerator(seed: 20261126)
        let seeds = try Routine.builtInIDs.map { id in
            try #require(AssetStore.data("routines/\(id).yaml"))
        }
        for round in 0..<1500 {
            var bytes = [UInt8](seeds[round % seeds.count])
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let position = Int.random(in: 0...bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0 where position < bytes.count: bytes.remove(at: position)
                case 1: bytes.insert(contentsOf: Array(Self.fragments.randomElement(using: &generator)!.utf8), at: position)
                case 2 where position < bytes.count: bytes[position] = UInt8.random(in: 0...255, using: &generator)
                default: bytes = Array(bytes.prefix(position))
                }
            }
            check(Data(bytes), format: round % 5 == 0 ? .json : .yaml)
        }
    }

    @Test func randomFragmentSoupNeverTraps() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<1500 {
            let text = (0..<Int.random(in: 0...60, using: &generator)).map { _ in Self.fragments.randomElement(using: &generator)! }.joined()
            check(Data(text.utf8), format: .yaml)
            check(Data(text.utf8), format: .json)
        }
    }

    @Test func deeplyNestedAndAliasHeavyInputIsRefusedNotExpanded() {
        let nested = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        check(Data("title: T\nsections: \(nested)\n".utf8), format: .yaml)
        // A "billion laughs" of aliases: the loader must not walk the expansion.
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1..<9 { yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        yaml += "title: T\nsections:\n  - notes: *a8\n"
        check(Data(yaml.utf8), format: .yaml)
    }
}
