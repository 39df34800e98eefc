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
        let before = residentBytes()
        load(30_000)
        let grown = residentBytes() - before
        // Leaking the handle cost about 3.5 kB a load: over 100 MB here. The bound leaves room for
        // the other suites, which run in this process at the same time.
        #expect(grown < 40 << 20, "resident memory grew by \(grown >> 20) MB over 30,000 failing loads")
    }
}
