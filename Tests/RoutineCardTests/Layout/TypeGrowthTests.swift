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
        // The sheet's body text is designed at 10.5 pt and may grow by 35 %; leg-cramps takes all of it.
        let (sizes, pages) = try bodySizes(Routine.builtIn("leg-cramps"), template: .sheet)
        #expect(pages == 1)
        // Sizes are rounded to quarter points.
        #expect(sizes.allSatisfy { $0 > 10.5 * 1.3 && $0 <= 10.5 * 1.35 + 0.25 }, "\(sizes)")
    }

    @Test func thenItsDrawingsGrowAndRuledNotesTakeTheRest() throws {
        for id in Routine.builtInIDs {
            let layout = try #require(try CardRenderer().layout([try Routine.builtIn(id)], options: CardOptions(template: .sheet)).first)
            #expect(layout.pages.count == 1, "\(id)")
            let page = try #require(layout.pages.first)
            // Exercise drawings larger than designed (62 pt), up to 1.7 times.
            let drawings = page.elements.compactMap { element -> PlacedImage? in
                if case .image(let image) = element, image.frame.width > 40 { return image }
                return nil
            }
            #expect(!drawings.isEmpty && drawings.allSatisfy { $0.frame.width > 62 * 1.05 && $0.frame.width <= 62 * 1.7 + 0.01 }, "\(id)")
            // The ruled notes: a heading, lines below every other element, reaching near the footer
            // (a routine that fills the page leaves no room for them).
            guard let notes = page.texts.first(where: { $0.text == "NOTES" }) else {
                #expect(page.fill > 0.75, "\(id): no notes, yet the page is only \(Int(page.fill * 100)) % full")
                continue
            }
            let lines = page.elements.compactMap { element -> PlacedShape? in
                if case .shape(let shape) = element, shape.kind == .line, shape.frame.minY > notes.frame.maxY { return shape }
                return nil
            }
            #expect(lines.count >= 3, "\(id)")
            // Under everything above it: across the page, or at the foot of a column.
            let area = notes.frame.minX..<(lines.map(\.frame.maxX).max() ?? notes.frame.maxX)
            let above = page.texts.filter { $0.role != .footer && $0.frame.minY < notes.frame.minY && area.overlaps($0.frame.minX..<$0.frame.maxX) }
            #expect((above.map(\.frame.maxY).max() ?? 0) < notes.frame.minY, "\(id): the notes overlap the content")
            let footerTop = page.texts.filter { $0.role == .footer }.map(\.frame.minY).min() ?? page.safeArea.maxY
            #expect((lines.map(\.frame.maxY).max() ?? 0) < footerTop, "\(id)")
            #expect(footerTop - (lines.map(\.frame.maxY).max() ?? 0) < 40, "\(id): the lines stop well above the footer")
        }
    }

    @Test func aLongRoutineOnTheSheetDoesNotGrow() throws {
        let exercises = (1...40).map { Exercise(name: "Move \($0)", dose: Dose(reps: 10), steps: ["Reach up slowly, then lower the arms; no bouncing."]) }
        let routine = Routine(id: "long", title: "Forty moves", sections: [RoutineSection(id: "all", content: .exercises(exercises))])
        let (sizes, _) = try bodySizes(routine, template: .sheet)
        #expect(!sizes.isEmpty && sizes.allSatisfy { $0 <= 10.5 + 0.01 }, "\(sizes)")
    }
}
