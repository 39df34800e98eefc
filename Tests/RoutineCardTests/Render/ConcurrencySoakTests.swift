import Foundation
import RoutineCard
import Testing

/// Many threads rendering at once, more threads than cores: cairo 1.16 used to crash or deadlock
/// here (see `CairoLock`). A hang fails the test after a time limit instead of stopping the suite.
struct ConcurrencySoakTests {
    @Test func sixteenLibraryThreadsRenderMixedCardsWithoutAHang() throws {
        // A routine with pictures of its own, PNG and SVG, beside the built-ins.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("soak-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let png = try #require(Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC"))
        try png.write(to: folder.appendingPathComponent("dot.png"))
        try Data(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3"><rect width="4" height="3" rx="1"/></svg>"#.utf8)
            .write(to: folder.appendingPathComponent("box.svg"))
        let pictures = Routine(
            id: "pictures", title: "Bilder ü ΑΒΓ ∑ ≈", language: "de",
            sections: [
                RoutineSection(
                    id: "moves",
                    content: .exercises([
                        Exercise(
                            name: "Punkt", illustration: folder.appendingPathComponent("dot.png").path, dose: Dose(sets: 2, reps: 10), steps: ["Ruhig ≈ ☂"]),
                        Exercise(name: "Kasten", illustration: folder.appendingPathComponent("box.svg").path, dose: Dose(hold: 30), steps: ["Halten"]),
                    ]))
            ])
        let routines = try ["leg-cramps", "night-cramps", "desk-break", "runner-cooldown"].map { try Routine.builtIn($0) } + [pictures]
        let formats: [OutputFormat] = [.pdf, .png, .svg]
        let templates: [Template] = [.fridge, .sheet, .wallet]
        let fonts: [String?] = [nil, "DejaVu Serif", "DejaVu Sans Mono"]
        let failures = Failures()
        let group = DispatchGroup()
        for thread in 0..<16 {
            group.enter()
            Thread {
                defer { group.leave() }
                for index in 0..<10 {
                    let n = thread * 10 + index
                    var options = CardOptions(template: templates[n % 3])
                    options.fontFamily = fonts[(n / 3) % 3]
                    options.personal.forName = ["Zoë", "Ярослав", "Σωκράτης ≈ ☂", nil][n % 4]
                    do {
                        let document = try CardRenderer().render(
                            [routines[n % 5]], options: options,
                            output: OutputOptions(format: formats[n % 3], dpi: 30))
                        if document.files.isEmpty { failures.add("no file for card \(n)") }
                    } catch {
                        failures.add("card \(n): \(error)")
                    }
                }
            }.start()
        }
        #expect(group.wait(timeout: .now() + 240) == .success, "16 threads did not finish in 4 minutes: a hang")
        #expect(failures.all.isEmpty, "\(failures.all)")
    }
}

private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ text: String) { lock.lock(); list.append(text); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return list }
}
