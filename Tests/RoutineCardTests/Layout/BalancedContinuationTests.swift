import Testing
@testable import RoutineCard

/// A routine that runs over several cards ends with a well-filled card, not a stub; a flow of
/// breakable items is spread evenly.
struct BalancedContinuationTests {
    /// How much of a page's height, from the top of the safe area to the top of its footer, holds
    /// something.
    static func fill(_ page: PlacedPage) -> Double {
        let footerTop = page.texts.filter { $0.role == .footer }.map(\.frame.minY).min() ?? page.safeArea.maxY
        // Text and pictures: the footer's own rule and the backgrounds do not count as content.
        let frames = page.elements.compactMap { element -> Rect? in
            switch element {
            case .text(let text): text.role == .footer ? nil : text.frame
            case .image(let image): image.frame
            default: nil
            }
        }
        let used = frames.map(\.maxY).max() ?? page.safeArea.minY
        return (used - page.safeArea.minY) / (footerTop - page.safeArea.minY)
    }

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
                // No stub of a last card. (Cards before it can still fall below 70 % where an
                // unbreakable box, such as the heat-and-cold row or the tracker, moves on whole.)
                #expect((fills.last ?? 0) >= 0.4, "\(label)")
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
}
