import Foundation
import Testing
import RoutineCard

/// The README's library example, compiled and run exactly as printed there.
struct ReadmeExampleTests {
    @Test func theReadmeExampleWorks() async throws {
        // --- README example begins ---
        let routine = try Routine.builtIn("leg-cramps")
        var options = CardOptions(paper: .a6)
        options.personal.forName = "Sam"
        let card = try await CardRenderer().render([routine], options: options, output: OutputOptions(format: .pdf))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("leg-cramps-\(UUID().uuidString).pdf")
        try card.write(to: file)
        print("\(card.pageCount) page(s), \(card.data.count) bytes")
        // --- README example ends ---
        #expect(FileManager.default.fileExists(atPath: file.path))
        #expect(card.pageCount == 1)
        try? FileManager.default.removeItem(at: file)
    }

    @Test func aHundredCardsRenderConcurrentlyWithAsync() async throws {
        let routine = try Routine.builtIn("night-cramps")
        let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
            for n in 0..<100 {
                group.addTask {
                    var options = CardOptions()
                    options.personal.forName = "Person \(n)"
                    return try await CardRenderer().render([routine], options: options).data.count
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(sizes.count == 100 && sizes.allSatisfy { $0 > 10_000 })
    }
}
