import Foundation
import Testing
@testable import Graphics

/// A picture that librsvg parses but that fails afterwards (no size, no viewBox) must release its
/// handle: a batch of bad rows, or a server, loads such pictures over and over.
struct SVGImageLeakTests {
    private func residentBytes() -> Int {
        // /proc/self/statm: size resident shared … in pages.
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
    }

    @Test func failingLoadsKeepResidentMemoryFlat() throws {
        let bytes = Array(#"<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>"#.utf8)
        func load(_ count: Int) {
            for _ in 0..<count {
                // Parsing draws nothing, so it needs no CairoLock (waiting for it behind other suites
                // would stretch the loop over their allocations).
                #expect(throws: GraphicsError.self) { _ = try SVGImage(bytes: bytes) }
            }
        }
        load(2_000)  // librsvg's own caches settle
        // Leaking the handle cost about 3.5 kB a load: some 35 MB in every round of 10,000. The
        // other suites run in this process at the same time and grow it too, now and then; a leak
        // grows it in every round, so the quietest round decides.
        var rounds: [Int] = []
        for _ in 0..<3 {
            let before = residentBytes()
            load(10_000)
            rounds.append(residentBytes() - before)
        }
        let quietest = rounds.min() ?? 0
        #expect(quietest < 15 << 20, "resident memory grew by \(rounds.map { $0 >> 20 }) MB in rounds of 10,000 failing loads")
    }
}
