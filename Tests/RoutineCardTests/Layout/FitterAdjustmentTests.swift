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
        // Sides fitted apart (one front, one back) name the side of each compromise; more and more
        // habits on the back make both sides flow together, never smaller type (the wallet's small
        // type is already its floor).
        let tip = Tip(text: "Keep moving through the day: a short walk every hour keeps the calves supple and the blood flowing.")
        var sawApart = false, sawFlow = false
        for count in 1...12 {
            let routine = Routine(
                id: "full-back", title: "Full back",
                sections: [
                    RoutineSection(id: "moves", content: .exercises([Exercise(name: "Calf raise", dose: Dose(reps: 10), steps: ["Rise."])])),
                    RoutineSection(id: "habits", content: .tips(Array(repeating: tip, count: count))),
                ])
            let layout = try #require(try renderer.layout([routine], options: CardOptions(template: .wallet)).first)
            if layout.sidesFlowTogether {
                sawFlow = true
                #expect(layout.notes.allSatisfy { !$0.hasPrefix("front: ") && !$0.hasPrefix("back: ") }, "\(layout.notes)")
            } else {
                #expect(layout.pages.count == 2)
                #expect(layout.notes.allSatisfy { $0.hasPrefix("front: ") || $0.hasPrefix("back: ") }, "\(layout.notes)")
                sawApart = true
            }
            #expect(layout.notes.allSatisfy { !$0.contains("shrunk") }, "\(count): \(layout.notes)")
        }
        #expect(sawApart && sawFlow)
    }

    @Test func aWalletThatRunsOnFlowsBothSidesTogetherWithNoBlankSide() throws {
        for id in Routine.builtInIDs {
            let options = CardOptions(template: .wallet, theme: .highContrast)
            let layout = try #require(try renderer.layout([try Routine.builtIn(id)], options: options).first)
            #expect(layout.pages.count > 2 && layout.sidesFlowTogether, "\(id)")
            #expect(layout.pages.allSatisfy { !$0.texts.filter { $0.role != .footer }.isEmpty }, "\(id): a side holds nothing but its footer")
            #expect(layout.notes.contains { $0.hasPrefix("continued on \(layout.pages.count)") }, "\(id): \(layout.notes)")
            let footers = layout.pages.map { $0.texts.filter { $0.role == .footer }.map(\.text).joined(separator: " ") }
            for (index, footer) in footers.enumerated() { #expect(footer.contains("\(index + 1) of \(layout.pages.count)"), "\(id): \(footer)") }
        }
    }
}
