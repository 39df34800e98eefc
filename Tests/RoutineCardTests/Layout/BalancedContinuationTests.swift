import Testing
@testable import RoutineCard
@testable import RoutineCardLayout

/// A routine that runs over several cards ends with a well-filled card, not a stub; a flow of
/// breakable items is spread evenly.
struct BalancedContinuationTests {
    static func fill(_ page: PlacedPage) -> Double { page.fill }

    static let options: [(String, CardOptions)] = {
        var personal = CardOptions()
        personal.personal = PersonalDetails(forName: "Sam", byName: "Dr Lee", date: "26 Nov", note: "Start gently this week.")
        var tracker = CardOptions()
        tracker.tracker = true
        return [("plain", CardOptions()), ("personal", personal), ("tracker", tracker)]
    }()

    @Test(arguments: [Template.fridge, .sheet], Theme.Name.allCases)
    func continuedCardsEndWithAWellFilledCard(template: Template, theme: Theme.Name) throws {
        var continued = 0
        for id in Routine.builtInIDs {
            for (name, base) in Self.options {
                var options = base
                options.template = template
                options.paper = template.defaultPaper
                options.theme = theme
                let layout = try #require(try CardRenderer().layout([try Routine.builtIn(id)], options: options).first)
                guard layout.pages.count > 1 else { continue }
                continued += 1
                let fills = layout.pages.map(Self.fill)
                let label = "\(id) \(template) \(theme) \(name): \(fills.map { Int($0 * 100) })"
                // No stub of a last card, and no card before it mostly blank: at least 70 % full,
                // or, where unbreakable items leave no such split, every card at least half full.
                #expect((fills.last ?? 0) >= 0.4, "\(label)")
                let evenlyUsed = fills.allSatisfy { $0 >= 0.5 }
                for fill in fills.dropLast() { #expect(fill >= 0.7 || evenlyUsed, "\(label)") }
            }
        }
        // The fridge card runs on with a tracker, and in high contrast always: the rule was tested.
        if template == .fridge { #expect(continued > 0) }
    }

    @Test func aRoutineJustOverOneCardIsSplitEvenlyNotIntoACardAndAStub() throws {
        // From a little over one card to nearly two: every split is even.
        var twoCardCases = 0
        for count in 6...16 {
            let exercises = (1...count).map {
                Exercise(name: "Move \($0)", dose: Dose(reps: 10), steps: ["Reach up slowly, then lower the arms to the sides; no bouncing, breathe out."])
            }
            let routine = Routine(id: "moves", title: "Moves", sections: [RoutineSection(id: "all", content: .exercises(exercises))])
            let layout = try #require(try CardRenderer().layout([routine], options: CardOptions()).first)
            guard layout.pages.count == 2 else { continue }
            twoCardCases += 1
            let fills = layout.pages.map(Self.fill)
            #expect(fills[0] >= 0.7 && fills[1] >= 0.4, "\(count) moves: \(fills.map { Int($0 * 100) })")
        }
        #expect(twoCardCases >= 3)
    }

    /// A paragraph breaks only where two lines or more stay on each side.
    @Test func aParagraphNeverLeavesOneLineBehind() throws {
        let measurer = FakeMeasurer()
        let context = LayoutContext(measurer: measurer, theme: Theme.named(.color), bodyFloor: 8)
        let spec = TextSpec(size: 10, color: .black, role: .body)
        // Ten characters a line at 10 pt in 50 pt: "aaaa bbbb" × 5 is five lines of 12 pt.
        let text = TextBlock(plain: (1...5).map { _ in "aaaa bbbb" }.joined(separator: " "), spec)
        #expect(try text.metrics(width: 50, in: context).lineCount == 5)
        #expect(try text.split(width: 50, maxHeight: 12, in: context) == nil, "one line would be left at the foot")
        let (head, tail) = try #require(try text.split(width: 50, maxHeight: 48, in: context))
        #expect(try head.height(width: 50, in: context) == 36, "four lines fit, but one would be left for the tail")
        #expect(try tail.height(width: 50, in: context) == 24)
        // Where nothing else can work, a single line may go.
        #expect(try text.split(width: 50, maxHeight: 12, in: context.allowingSingleLineSplits()) != nil)
    }
}
