import Foundation
import Testing
import TestSupport
import RoutineCard

/// The README's library example, compiled and run exactly as printed there.
struct ReadmeExampleTests {
    @Test func theReadmeExampleWorks() throws {
        let folder = try ExternalTool.temporaryFolder()
        FileManager.default.changeCurrentDirectoryPath(folder.path)
        // --- README example begins ---
        let routine = try Routine.builtIn("leg-cramps")
        var options = CardOptions(paper: .a6)
        options.personal.forName = "Sam"
        let card = try CardRenderer().render([routine], options: options, output: OutputOptions(format: .pdf))
        try card.write(to: URL(fileURLWithPath: "leg-cramps.pdf"))
        print("\(card.pageCount) page(s), \(card.data.count) bytes")
        // --- README example ends ---
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("leg-cramps.pdf").path))
        #expect(card.pageCount == 1)
    }
}
