import Testing
@testable import RoutineCard

/// Every template × theme × paper lays out every built-in routine within the rules.
struct TemplateMatrixTests {
    static let papers: [Paper] = [.a6, .a5, .a4, .letter, .index4x6, .index3x5, .halfLetter]

    @Test(arguments: Template.allCases, Theme.Name.allCases)
    func everyCombinationKeepsTheRules(template: Template, theme: Theme.Name) throws {
        let renderer = CardRenderer()
        let routines = try Routine.builtInIDs.map { try Routine.builtIn($0) }
        for paper in Self.papers {
            let options = CardOptions(template: template, paper: paper, theme: theme, personal: PersonalDetails(forName: "Sam", note: "Go gently."))
            for layout in try renderer.layout(routines, options: options) {
                #expect(!layout.pages.isEmpty)
                let floor: Double =
                    switch (template, theme) {
                    case (_, .highContrast): 14
                    case (.wallet, _): 6
                    case (.sheet, _): 9
                    case (.fridge, _): 8
                    }
                LayoutChecks.verify(layout, minimumBody: floor)
                for page in layout.pages {
                    #expect(abs(page.size.width - paper.width) < 0.01 && abs(page.size.height - paper.height) < 0.01)
                }
            }
        }
    }

    @Test func theWalletCardHasNamesAndDosesInFrontAndTherapyBehind() throws {
        let layout = try #require(try CardRenderer().layout([Routine.builtIn("runner-cooldown")], options: CardOptions(template: .wallet)).first)
        #expect(layout.pages.count == 2 && !layout.sidesFlowTogether)
        #expect(abs(layout.pages[0].size.width - Units.mm(85.6)) < 0.01 && abs(layout.pages[0].size.height - Units.mm(54)) < 0.01)
        let front = layout.pages[0].texts.map(\.text).joined(separator: "\n")
        let back = layout.pages[1].texts.map(\.text).joined(separator: "\n")
        #expect(front.contains("Standing calf stretch") && front.contains("Hold\u{A0}30\u{202F}s"))
        #expect(!front.contains("Heat"))
        #expect(back.contains("Heat 15–20") && back.contains("When to get help") && back.contains("Not medical advice"))
    }

    @Test func theSheetNumbersEveryStepAndUsesTwoColumnsOnA4() throws {
        let routine = Routine(
            id: "r", title: "Steps",
            sections: [
                RoutineSection(
                    id: "a",
                    content: .exercises(
                        (1...8).map { Exercise(name: "Move \($0)", dose: Dose(reps: 5), steps: ["First part of the move.", "Second part of the move."]) }))
            ])
        let layout = try #require(try CardRenderer().layout([routine], options: CardOptions(template: .sheet)).first)
        let texts = layout.pages.flatMap(\.texts)
        #expect(texts.filter { $0.text == "2." }.count == 8)
        let xs = Set(texts.filter { $0.role == .name }.map { ($0.frame.minX / 50).rounded() })
        #expect(xs.count == 2, "names sit in two columns")
        LayoutChecks.verify(layout, minimumBody: 9)
    }

    @Test func highContrastIsBlackOnWhiteWithLargeBodyText() throws {
        let layout = try #require(try CardRenderer().layout([Routine.builtIn("leg-cramps")], options: CardOptions(theme: .highContrast)).first)
        for text in layout.pages.flatMap(\.texts) {
            // Numbers in badges are white on black; everything else is black on white.
            #expect(text.color == (text.role == .label && Int(text.text) != nil ? .white : .black), "\(text.text)")
            if text.role == .body { #expect(text.font.size >= 14) }
        }
    }

    @Test func inkSaverHasNoLargeFills() throws {
        let layout = try #require(try CardRenderer().layout([Routine.builtIn("leg-cramps")], options: CardOptions(theme: .inkSaver)).first)
        for case .shape(let shape) in layout.pages.flatMap(\.elements) where shape.fill != nil && shape.fill != .white {
            #expect(shape.frame.width * shape.frame.height < 500, "a filled \(shape.kind) of \(shape.frame)")
        }
    }

    @Test func theTrackerHasAWeekOfBoxesPerSessionInTheRoutinesLanguage() throws {
        var routine = try Routine.builtIn("leg-cramps")
        routine.language = "es"
        let layout = try #require(try CardRenderer().layout([routine], options: CardOptions(paper: .a5, tracker: true)).first)
        let elements = layout.pages.flatMap(\.elements)
        let cells = elements.filter { if case .shape(let s) = $0, s.kind == .checkCell { true } else { false } }
        #expect(cells.count == 7 * 3)
        let texts = layout.pages.flatMap(\.texts).map(\.text)
        for day in ["Lun", "Mar", "Mié", "Jue", "Vie", "Sáb", "Dom"] { #expect(texts.contains(day)) }
        LayoutChecks.verify(layout, minimumBody: 8)
    }

    @Test func aBleedPutsTheTitleBandIntoTheBleedButKeepsTextInside() throws {
        let bleed = Units.mm(3)
        let layout = try #require(try CardRenderer().layout([Routine.builtIn("leg-cramps")], options: CardOptions(bleed: bleed)).first)
        let page = layout.pages[0]
        #expect(page.bleed == bleed)
        let band = page.elements.compactMap { if case .shape(let s) = $0, s.isBackground { s } else { nil } }.first
        #expect(band != nil && band!.frame.minX <= -bleed + 0.01 && band!.frame.minY <= -bleed + 0.01)
        LayoutChecks.verify(layout, minimumBody: 8)
    }

    @Test func personalDetailsArePrinted() throws {
        let options = CardOptions(personal: PersonalDetails(forName: "Ana", byName: "Dr Ruiz", date: "2026-11-26", note: "Start slowly."))
        let layout = try #require(try CardRenderer().layout([Routine.builtIn("leg-cramps")], options: options).first)
        // Each detail is held together with no-break spaces.
        let text = LayoutChecks.allText(layout).replacingOccurrences(of: "\u{A0}", with: " ")
        #expect(text.contains("For Ana") && text.contains("From Dr Ruiz") && text.contains("2026-11-26") && text.contains("Start slowly."))
    }

    @Test(arguments: ["a4", "A5", "letter", "half-letter", "4x6in", "5x7in", "3x5in", "100x150mm", "10x15cm", "288x432pt", "4 x 6 in"])
    func paperSizesParse(name: String) throws {
        let paper = try Paper.parse(name)
        #expect(paper.width > 50 && paper.height > 50)
    }

    @Test(arguments: ["0x10mm", "-10x10mm", "10x-10mm", "3000x100mm", "100x150", "100x150furlongs", "axbmm", "nanxnanmm", "infxinfmm"])
    func badPaperSizesAreRefused(name: String) {
        #expect(throws: Paper.ParseError.self) { try Paper.parse(name) }
    }
}

/// The wallet card leaves nothing of the routine out, and refuses what it cannot hold.
struct WalletCompletenessTests {
    @Test(arguments: Theme.Name.allCases)
    func everyStepCautionAndNoteIsOnTheWalletCard(theme: Theme.Name) throws {
        for id in Routine.builtInIDs {
            let routine = try Routine.builtIn(id)
            var options = CardOptions(template: .wallet, theme: theme)
            options.personal.note = "Start gently this week."
            let layout = try #require(try CardRenderer().layout([routine], options: options).first)
            // The routine's text in reading order, without the headers and footers between sides
            // (a paragraph may run on from one side to the next).
            func words(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            let text = words(layout.pages.flatMap(\.texts).filter { [.body, .caution, .subtitle].contains($0.role) }.map(\.text).joined(separator: " "))
            for section in routine.sections {
                if case .exercises(let exercises) = section.content {
                    for exercise in exercises {
                        for step in exercise.steps { #expect(text.contains(words(EmphasisParser.parse(step).plain)), "\(id): \(step)") }
                        if let caution = exercise.caution { #expect(text.contains(words(EmphasisParser.parse(caution).plain)), "\(id): \(caution)") }
                    }
                }
            }
            #expect(text.contains("Start gently this week."), "\(id): the note")
        }
    }

    @Test func aTrackerOnTheWalletCardIsRefusedAsAnOption() throws {
        var options = CardOptions(template: .wallet)
        options.tracker = true
        do {
            _ = try CardRenderer().render([try Routine.builtIn("leg-cramps")], options: options)
            Issue.record("a tracker was ignored on the wallet card")
        } catch {
            #expect(error.code == .invalidOption && error.message.contains("tracker"))
        }
    }
}
