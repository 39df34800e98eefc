import Testing
@testable import RoutineCard
@testable import RoutineCardLayout

/// The layout names the default therapy icons without seeing the embedded drawings: they must exist.
struct TherapyIconTests {
    @Test func everyDefaultTherapyIconIsABuiltInDrawing() {
        for (kind, name) in CardBlocks.therapyIcons {
            #expect(Illustrations.builtInNames.contains(name), "\(kind): \(name)")
        }
    }
}
