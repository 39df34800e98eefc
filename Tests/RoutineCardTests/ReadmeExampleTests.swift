import Foundation
import Testing
import RoutineCard

/// The getting-started code, run exactly as printed in the README and in the DocC article.
struct ReadmeExampleTests {
    @Test func theGettingStartedCodeWorks() async throws {
        // --- getting started begins ---
        // Render the built-in fridge card, personalised, to a PDF file.
        let routine = try Routine.builtIn("leg-cramps")
        var options = CardOptions(paper: .a6)
        options.personal.forName = "Sam"
        let card = try await CardRenderer().render([routine], options: options, output: OutputOptions(format: .pdf))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("leg-cramps-\(UUID().uuidString).pdf")
        try card.write(to: file)
        print("\(card.pageCount) page(s), \(card.data.count) bytes")

        // Build a routine in code and validate it: the rules a routine file is held to.
        let raise = Exercise(
            name: "Calf raise", illustration: "calf-raise", dose: Dose(sets: 2, reps: 10),
            steps: ["Hold a chair; rise onto your toes.", "Lower slowly."])
        let mine = Routine(id: "calf-care", title: "Calf care", sections: [RoutineSection(id: "moves", content: .exercises([raise]))])
        for problem in mine.validate() { print(problem) }  // nothing: it is valid

        // A routine that breaks a rule is not drawn; the error says why.
        var broken = mine
        broken.sections[0].content = .exercises([Exercise(name: "Calf raise", dose: Dose(sets: -2), steps: ["Rise."])])
        do throws(RoutineCardError) {
            _ = try await CardRenderer().render([broken])
        } catch {
            switch error.code {
            case .invalidRoutine: print("not drawn:", error.diagnostics.map(\.message))  // "sets is -2; …"
            default: print(error)
            }
        }

        // Render a hundred cards concurrently.
        let bytes = try await withThrowingTaskGroup(of: Int.self) { group in
            for n in 1...100 {
                group.addTask {
                    var options = CardOptions()
                    options.personal.forName = "Client \(n)"
                    return try await CardRenderer().render([mine], options: options).data.count
                }
            }
            return try await group.reduce(0, +)
        }
        print("100 cards, \(bytes) bytes")
        // --- getting started ends ---
        #expect(FileManager.default.fileExists(atPath: file.path))
        #expect(card.pageCount == 2, "the leg-cramp card and its safety advice fill two A6 cards")
        #expect(mine.validate().isEmpty)
        #expect(bytes > 100 * 10_000)
        try? FileManager.default.removeItem(at: file)
    }

    /// The README and the DocC article show the code above, word for word.
    @Test(arguments: ["README.md", "Sources/RoutineCard/RoutineCard.docc/GettingStarted.md"])
    func theDocumentsShowThisCode(document: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let begin = try #require(source.range(of: "// --- getting started begins ---\n"))
        let end = try #require(source.range(of: "        // --- getting started ends ---"))
        let code = source[begin.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("        ") ? String($0.dropFirst(8)) : String($0) }.joined(separator: "\n")
        let text = try String(contentsOf: root.appendingPathComponent(document), encoding: .utf8)
        #expect(text.contains("import Foundation\nimport RoutineCard\n\n" + code + "```"), "the code in \(document) differs from this test's")
    }
}
