import Foundation
import RoutineCard
import Testing

/// Many threads rendering at once, more threads than cores: cairo 1.16 used to crash or deadlock
/// here (see `CairoLock`). A hang fails the test after a time limit instead of stopping the suite.
struct ConcurrencySoakTests {
    @Test func sixteenLibraryThreadsRenderMixedCardsWithoutAHang() throws {
        let routines = try ["leg-cramps", "night-cramps", "desk-break", "runner-cooldown"].map { try Routine.builtIn($0) }
        let formats: [OutputFormat] = [.pdf, .png, .svg]
        let templates: [Template] = [.fridge, .sheet, .wallet]
        let fonts: [String?] = [nil, "DejaVu Serif", "DejaVu Sans Mono"]
        let failures = Failures()
        let group = DispatchGroup()
        for thread in 0..<16 {
            group.enter()
            Thread {
                defer { group.leave() }
                for index in 0..<6 {
                    let n = thread * 6 + index
                    var options = CardOptions(template: templates[n % 3])
                    options.fontFamily = fonts[(n / 3) % 3]
                    options.personal.forName = ["Zoë", "Ярослав", "Σωκράτης ≈ ☂", nil][n % 4]
                    do {
                        let document = try CardRenderer().render([routines[n % 4]], options: options,
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
