import Foundation
import RoutineCard
import Testing

/// The fitter reports what it did as typed adjustments, which preflight and the notes read.
struct FitterAdjustmentTests {
    let renderer = CardRenderer()

    @Test func aLongRoutineInHighContrastContinuesAndSaysSo() throws {
        let layout = try #require(try renderer.layout([try Routine.builtIn("leg-cramps")], options: CardOptions(theme: .highContrast)).first)
        #expect(layout.adjustments.contains(.continued(cards: layout.pages.count)), "\(layout.adjustments)")
        #expect(layout.notes.contains("continued on \(layout.pages.count) pages"))
        let findings = try renderer.check([try Routine.builtIn("leg-cramps")], options: CardOptions(theme: .highContrast))
        #expect(findings.contains { $0.code == "continued" })
    }

    @Test func aShortRoutineOnASheetGrowsWithoutANote() throws {
        let short = Routine(
            id: "short", title: "Short",
            sections: [
                RoutineSection(id: "s", content: .exercises([Exercise(name: "Calf raise", dose: Dose(reps: 10), steps: ["Rise, lower."])]))
            ])
        let layout = try #require(try renderer.layout([short], options: CardOptions(template: .sheet)).first)
        let grew = layout.adjustments.compactMap { adjustment -> Double? in
            if case .grewBodyText(let points) = adjustment { return points }
            return nil
        }
        #expect(grew.count == 1 && (grew.first ?? 0) > 10, "\(layout.adjustments)")
        #expect(layout.notes.isEmpty, "growing is no compromise: \(layout.notes)")
    }

    @Test func walletAdjustmentsNameTheirSide() throws {
        let layout = try #require(try renderer.layout([try Routine.builtIn("leg-cramps")], options: CardOptions(template: .wallet, theme: .highContrast)).first)
        #expect(layout.notes.contains { $0.hasPrefix("front: ") } && layout.notes.contains { $0.hasPrefix("back: ") }, "\(layout.notes)")
    }
}
