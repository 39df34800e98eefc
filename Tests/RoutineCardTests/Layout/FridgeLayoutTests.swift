import Testing
@testable import RoutineCard

struct FridgeLayoutTests {
    let renderer = CardRenderer()

    /// With its safety advice the leg-cramp card fills two A6 cards at the designed 9 pt: two
    /// well-filled cards, not a smaller type (legible type comes before one card).
    @Test func theDefaultCardIsTwoWellFilledA6CardsWithLegibleBodyText() throws {
        let layout = try #require(try renderer.layout([Routine.builtIn("leg-cramps")]).first)
        #expect(layout.pages.count == 2)
        #expect(layout.pages[0].fill >= 0.7 && layout.pages[1].fill >= 0.4, "\(layout.pages.map(\.fill))")
        let page = try #require(layout.pages.first)
        #expect(abs(page.size.width - 297.638) < 0.01 && abs(page.size.height - 419.528) < 0.01)
        LayoutChecks.verify(layout, minimumBody: 9)
        #expect(layout.notes.allSatisfy { !$0.contains("shrunk") })
    }

    /// Text with every run of spaces and line ends as one space (a paragraph may run on to the next card).
    func words(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    @Test func everyPartOfTheRoutineIsOnTheCard() throws {
        let routine = try Routine.builtIn("leg-cramps")
        let layout = try #require(try renderer.layout([routine]).first)
        let text = LayoutChecks.allText(layout)
        for section in routine.sections {
            switch section.content {
            case .exercises(let items):
                for item in items {
                    #expect(text.contains(item.name))
                    for step in item.steps { #expect(text.contains(step)) }
                }
            case .therapy(let items):
                for item in items { for step in item.steps { #expect(text.contains(EmphasisParser.parse(step).plain)) } }
            case .tips(let items):
                for item in items { #expect(text.contains(EmphasisParser.parse(item.text).plain)) }
            case .notes(let items):
                for item in items { #expect(words(text).contains(words(item))) }
            case .help(let advice):
                for item in advice.urgent + advice.doctor { #expect(words(text).contains(words(item)), "\(item)") }
                #expect(text.contains("When to get help") && text.contains("Urgent: ") && text.contains("See a doctor: "))
            }
        }
        #expect(text.contains("Not medical advice"))
        #expect(text.contains("15\u{FEFF}–\u{FEFF}20\u{202F}min"), "the time is kept on one line")
    }

    @Test func thirtyExercisesContinueOnMoreCardsWithEveryNameOnce() throws {
        let exercises = (1...30).map {
            Exercise(
                name: "Move \($0) name", dose: Dose(reps: 10), steps: ["Do the movement slowly and with control, then rest for a breath before the next one."])
        }
        let routine = Routine(id: "long", title: "Thirty moves", sections: [RoutineSection(id: "all", content: .exercises(exercises))])
        let layout = try #require(try renderer.layout([routine]).first)
        #expect(layout.pages.count > 1)
        LayoutChecks.verify(layout, minimumBody: 8)
        let texts = layout.pages.flatMap(\.texts).map(\.text)
        for number in 1...30 {
            #expect(texts.filter { $0 == "Move \(number) name" }.count == 1)
        }
        #expect(layout.notes.contains { $0.hasPrefix("continued on") })
        #expect(texts.contains { $0.contains("(continued)") })
    }

    @Test func aVeryLongStepAndAnOverlongWordStillFit() throws {
        let longStep = String(repeating: "Keep the knee soft and breathe out as you lean. ", count: 42)
        let word = String(repeating: "w", count: 60) + " https://example.org/a/very/long/path/that/does/not/break/naturally"
        let routine = Routine(
            id: "long", title: "Long",
            sections: [
                RoutineSection(id: "a", content: .exercises([Exercise(name: "Lean", steps: [longStep]), Exercise(name: word, steps: [word])]))
            ])
        let layout = try #require(try renderer.layout([routine]).first)
        LayoutChecks.verify(layout, minimumBody: 8)
        let printed = layout.pages.flatMap(\.texts).map(\.text).joined()
        #expect(printed.filter { $0 == "." }.count >= longStep.filter { $0 == "." }.count)
    }

    @Test func aSingleExerciseLaysOut() throws {
        let routine = Routine(
            id: "small", title: "Small",
            sections: [
                RoutineSection(id: "one", content: .exercises([Exercise(name: "Only one", steps: ["Just this."])]))
            ])
        let layout = try #require(try renderer.layout([routine]).first)
        #expect(layout.pages.count == 1)
        LayoutChecks.verify(layout, minimumBody: 9)
    }

    @Test func anEmptySectionIsRefusedAsInAFile() throws {
        // Routines built in code are held to the file format's rules (Routine.validate()).
        let routine = Routine(
            id: "small", title: "Small",
            sections: [
                RoutineSection(id: "none", content: .exercises([])),
                RoutineSection(id: "one", content: .exercises([Exercise(name: "Only one", steps: ["Just this."])])),
            ])
        let error = try #require(throws: RoutineLoadError.self) { try renderer.layout([routine]) }
        #expect(error.description.contains("section 'none': the section is empty"))
    }

    @Test func userMarkupIsLiteralTextWithOnlyLightEmphasis() throws {
        let routine = Routine(
            id: "m", title: "Markup",
            sections: [
                RoutineSection(id: "a", content: .tips([Tip(text: "<b>&amp;</b> and **strong** and _soft_ and snake_case_name")]))
            ])
        let layout = try #require(try renderer.layout([routine]).first)
        let tip = try #require(layout.pages[0].texts.first { $0.text.contains("&amp;") })
        #expect(tip.text == "<b>&amp;</b> and strong and soft and snake_case_name")
        #expect(tip.emphasis.contains { $0.bold && String(decoding: Array(tip.text.utf8)[$0.start..<$0.end], as: UTF8.self) == "strong" })
        #expect(tip.emphasis.contains { $0.italic && String(decoding: Array(tip.text.utf8)[$0.start..<$0.end], as: UTF8.self) == "soft" })
    }
}

/// The fridge card makes room for its options instead of running on to a second card.
struct FridgeOptionsTests {
    static func withOptions(_ tracker: Bool) -> CardOptions {
        var options = CardOptions(tracker: tracker)
        if !tracker { options.personal = PersonalDetails(forName: "Sam", byName: "Dr Lee", date: "26 Nov", note: "Start gently this week.") }
        return options
    }

    @Test(arguments: [true, false], [Theme.Name.color, .inkSaver])
    func personalDetailsAndTheTrackerAddNoCard(tracker: Bool, theme: Theme.Name) throws {
        for id in Routine.builtInIDs {
            let routine = try Routine.builtIn(id)
            var plain = CardOptions()
            plain.theme = theme
            var options = Self.withOptions(tracker)
            options.theme = theme
            let without = try #require(try CardRenderer().layout([routine], options: plain).first)
            let with = try #require(try CardRenderer().layout([routine], options: options).first)
            #expect(with.pages.count <= without.pages.count, "\(id) \(theme) tracker \(tracker): \(with.pages.count) cards, \(without.pages.count) without")
            for text in with.pages.flatMap(\.texts) where text.role == .body {
                #expect(text.font.size >= 9, "\(id): '\(text.text.prefix(20))' at \(text.font.size) pt")
            }
            LayoutChecks.verify(with, minimumBody: 9)
        }
    }

    @Test func theCompactTrackerHasABoxPerSessionUnderEachDay() throws {
        for id in Routine.builtInIDs {
            let routine = try Routine.builtIn(id)
            let layout = try #require(try CardRenderer().layout([routine], options: CardOptions(tracker: true)).first)
            let cells = layout.pages.flatMap(\.elements).compactMap { if case .shape(let s) = $0, s.kind == .checkCell { s.frame } else { nil } }
            #expect(cells.count == 7 * (routine.frequency?.perDay ?? 1), "\(id)")
            // Large enough to tick with a pen, and never touching one another.
            for (i, a) in cells.enumerated() {
                #expect(a.width >= Units.mm(2.4), "\(id): a box of \(a.width) pt")
                for b in cells[(i + 1)...] { #expect(!a.overlaps(b), "\(id): boxes \(a) and \(b) touch") }
            }
            let texts = layout.pages.flatMap(\.texts).map(\.text)
            #expect(texts.contains("THIS WEEK") && texts.contains("Wed"), "\(id): the tracker's title and days")
        }
    }

    @Test func numberBadgesStayClearOfTheDrawings() throws {
        for template in [Template.fridge, .sheet] {
            for id in Routine.builtInIDs {
                let layout = try #require(try CardRenderer().layout([try Routine.builtIn(id)], options: CardOptions(template: template)).first)
                for page in layout.pages {
                    let images = page.elements.compactMap { if case .image(let i) = $0 { i.frame } else { nil } }
                    let badges = page.elements.compactMap { if case .shape(let s) = $0, s.kind == .circle { s.frame } else { nil } }
                    if template == .fridge { #expect(!badges.isEmpty || !page.texts.contains { $0.role == .name }) }
                    for badge in badges {
                        for image in images { #expect(!badge.overlaps(image), "\(id) \(template): badge \(badge) over drawing \(image)") }
                    }
                }
            }
        }
    }
}
