import Testing
@testable import RoutineCard

struct FridgeLayoutTests {
    let renderer = CardRenderer()

    @Test func theDefaultCardIsOneA6PageWithLegibleBodyText() throws {
        let layout = try #require(try renderer.layout([Routine.builtIn("leg-cramps")]).first)
        #expect(layout.pages.count == 1)
        let page = try #require(layout.pages.first)
        #expect(abs(page.size.width - 297.638) < 0.01 && abs(page.size.height - 419.528) < 0.01)
        LayoutChecks.verify(layout, minimumBody: 9)
        #expect(layout.notes.allSatisfy { !$0.contains("shrunk") && !$0.contains("continued") })
    }

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
                for item in items { #expect(text.contains(item)) }
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
