import Testing
@testable import RoutineCard

/// A short routine on a big page gets larger type, up to the template's limit; a long one keeps the
/// designed size or less.
struct TypeGrowthTests {
    func bodySizes(_ routine: Routine, template: Template) throws -> (sizes: [Double], pages: Int) {
        let layout = try #require(try CardRenderer().layout([routine], options: CardOptions(template: template)).first)
        LayoutChecks.verify(layout, minimumBody: 8)
        return (layout.pages.flatMap(\.texts).filter { $0.role == .body }.map(\.font.size), layout.pages.count)
    }

    @Test func aShortRoutineOnTheSheetGrowsItsTypeAndStaysOnOnePage() throws {
        // The sheet's body text is designed at 10.5 pt and may grow by 30 %; leg-cramps takes all of it.
        let (sizes, pages) = try bodySizes(Routine.builtIn("leg-cramps"), template: .sheet)
        #expect(pages == 1)
        // Sizes are rounded to quarter points.
        #expect(sizes.allSatisfy { $0 > 10.5 + 0.01 && $0 <= 10.5 * 1.3 + 0.25 }, "\(sizes)")
    }

    @Test func aLongRoutineOnTheSheetDoesNotGrow() throws {
        let exercises = (1...40).map { Exercise(name: "Move \($0)", dose: Dose(reps: 10), steps: ["Reach up slowly, then lower the arms; no bouncing."]) }
        let routine = Routine(id: "long", title: "Forty moves", sections: [RoutineSection(id: "all", content: .exercises(exercises))])
        let (sizes, _) = try bodySizes(routine, template: .sheet)
        #expect(!sizes.isEmpty && sizes.allSatisfy { $0 <= 10.5 + 0.01 }, "\(sizes)")
    }
}
