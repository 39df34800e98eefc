import Testing
@testable import Graphics
@testable import RoutineCard
@testable import RoutineCardLayout

/// Findings no routine file can cause (the templates never make them), checked on crafted layouts.
struct PreflightTests {
    func findings(_ elements: [PlacedElement], theme: Theme.Name = .color) throws -> [Finding] {
        let page = PlacedPage(
            size: Size(width: 200, height: 200), bleed: 0, safeArea: Rect(x: 20, y: 20, width: 160, height: 160),
            background: .white, elements: elements)
        // No title: the crafted pages hold none of a routine's text.
        let routine = Routine(id: "crafted", title: "", sections: [])
        let layout = CardLayout(routineID: "crafted", pages: [page], adjustments: [])
        var options = CardOptions()
        options.theme = theme
        return try Preflight(measurer: PangoMeasurer(engine: TextEngine()), routine: routine, layout: layout, options: options).findings()
    }

    func text(_ string: String, at frame: Rect, size: Double = 10, color: Color = .black, role: TextRole = .body) -> PlacedElement {
        .text(
            PlacedText(
                frame: frame, text: string, emphasis: [], font: FontStyle(family: "DejaVu Sans", size: size), color: color,
                alignment: .left, role: role, lineCount: 1))
    }

    @Test func aCleanPageHasNoFindings() throws {
        #expect(try findings([text("Fine", at: Rect(x: 30, y: 30, width: 100, height: 14))]).isEmpty)
    }

    @Test func somethingOutsideTheSafeAreaIsAnError() throws {
        let found = try findings([text("Edge", at: Rect(x: 5, y: 30, width: 100, height: 14))])
        #expect(found.contains { $0.code == "outside-safe-area" && $0.severity == .error && $0.page == 1 })
    }

    @Test func weakContrastIsAWarningAndHighContrastAsksMore() throws {
        let grey = try findings([text("Faint", at: Rect(x: 30, y: 30, width: 100, height: 14), color: Color(hex: 0xAAAAAA))])
        #expect(grey.contains { $0.code == "low-contrast" })
        // 5.7:1 passes 4.5:1 but not the 7:1 the high-contrast theme promises.
        let mid = text("Mid", at: Rect(x: 30, y: 30, width: 100, height: 14), color: Color(hex: 0x666666))
        #expect(try findings([mid]).isEmpty)
        #expect(try findings([mid], theme: .highContrast).contains { $0.code == "low-contrast" })
        // Text on a filled box is judged against the box.
        let box = PlacedElement.shape(
            PlacedShape(kind: .rectangle(cornerRadius: 0), frame: Rect(x: 25, y: 25, width: 120, height: 30), fill: Color(hex: 0x0F6E74)))
        #expect(try findings([box, text("On teal", at: Rect(x: 30, y: 30, width: 100, height: 14), color: .white)]).isEmpty)
        #expect(
            try findings([box, text("Dark on teal", at: Rect(x: 30, y: 30, width: 100, height: 14), color: .black)]).contains { $0.code == "low-contrast" })
    }

    @Test func bodyTextBelowTheMinimumIsAnError() throws {
        let found = try findings([text("Tiny", at: Rect(x: 30, y: 30, width: 100, height: 8), size: 6)])
        #expect(found.contains { $0.code == "text-too-small" && $0.severity == .error })
    }
}

/// Heat and cold without a safety rule are a finding, so `check` and `--strict` catch them.
struct TherapyCautionFindingTests {
    @Test func heatOrColdWithoutACautionIsAWarning() throws {
        let bare = Routine(
            id: "t", title: "T",
            sections: [RoutineSection(id: "warmth", content: .therapy([Therapy(kind: .heat, duration: DurationRange(seconds: 900), steps: ["A pad."])]))])
        let findings = try CardRenderer().check([bare])
        let finding = try #require(findings.first { $0.code == "therapy-without-caution" })
        #expect(finding.severity == .warning && finding.section == "warmth" && finding.item == "therapy 1")
        var safe = bare
        safe.sections[0].content = .therapy([Therapy(kind: .heat, duration: DurationRange(seconds: 900), steps: ["A pad."], caution: "Never sleep on it.")])
        #expect(try CardRenderer().check([safe]).allSatisfy { $0.code != "therapy-without-caution" })
    }
}

/// Preflight on whole layouts: what it finds on crafted and real cards.
struct LayoutPreflightTests {
    func findings(_ routine: Routine, _ pages: [PlacedPage]) throws -> [Finding] {
        let layout = CardLayout(routineID: routine.id, pages: pages, adjustments: [])
        return try Preflight(measurer: PangoMeasurer(engine: TextEngine()), routine: routine, layout: layout, options: CardOptions()).findings()
    }

    func page(_ elements: [PlacedElement]) -> PlacedPage {
        PlacedPage(size: Size(width: 300, height: 420), bleed: 0, safeArea: Rect(x: 20, y: 20, width: 260, height: 380), background: .white, elements: elements)
    }

    func text(_ string: String, _ frame: Rect, role: TextRole = .body) -> PlacedElement {
        .text(
            PlacedText(
                frame: frame, text: string, emphasis: [], font: FontStyle(family: "DejaVu Sans", size: 9), color: .black, alignment: .left,
                role: role, lineCount: 1))
    }

    @Test func overlappingTextAndPicturesAreFound() throws {
        let routine = Routine(id: "r", title: "", sections: [])
        let picture = PlacedElement.image(PlacedImage(frame: Rect(x: 30, y: 30, width: 40, height: 40), source: "calf-raise", theme: .color))
        let badge = PlacedElement.shape(PlacedShape(kind: .circle, frame: Rect(x: 60, y: 60, width: 12, height: 12), fill: .black))
        let found = try findings(routine, [page([picture, badge, text("Over the picture", Rect(x: 50, y: 35, width: 100, height: 11))])])
        #expect(found.filter { $0.code == "overlap" }.count == 2, "\(found)")
        // Side by side is no overlap.
        #expect(try findings(routine, [page([picture, text("Beside", Rect(x: 75, y: 35, width: 100, height: 11))])]).isEmpty)
    }

    @Test func textOfTheRoutineMissingFromTheCardIsAnError() throws {
        let routine = Routine(
            id: "r", title: "Title",
            sections: [RoutineSection(id: "help", content: .help(HelpAdvice(urgent: ["Chest pain: call emergency services."])))])
        let found = try findings(routine, [page([text("Title", Rect(x: 20, y: 20, width: 100, height: 11))])])
        #expect(found.contains { $0.code == "text-dropped" && $0.severity == .error && $0.message.contains("Chest pain") })
        // A paragraph that runs on past a footer and a "continued" title still counts as printed.
        let split = [
            page([
                text("Title", Rect(x: 20, y: 20, width: 100, height: 11)), text("Chest pain:", Rect(x: 20, y: 40, width: 100, height: 11)),
                text("Not medical advice.", Rect(x: 20, y: 380, width: 200, height: 11), role: .footer),
            ]),
            page([
                text("Title (continued)", Rect(x: 20, y: 20, width: 200, height: 11), role: .title),
                text("call emergency services.", Rect(x: 20, y: 40, width: 200, height: 11)),
            ]),
        ]
        #expect(try findings(routine, split).filter { $0.code == "text-dropped" }.isEmpty)
    }

    @Test func aStubOfALastCardIsAWarning() throws {
        let routine = Routine(id: "r", title: "", sections: [])
        let full = page([text("Full", Rect(x: 20, y: 20, width: 100, height: 340)), text("foot", Rect(x: 20, y: 380, width: 100, height: 10), role: .footer)])
        let stub = page([text("Stub", Rect(x: 20, y: 20, width: 100, height: 40)), text("foot", Rect(x: 20, y: 380, width: 100, height: 10), role: .footer)])
        let found = try findings(routine, [full, stub])
        #expect(found.contains { $0.code == "card-underfilled" && $0.page == 2 }, "\(found)")
        #expect(try findings(routine, [full, full]).filter { $0.code == "card-underfilled" }.isEmpty)
    }

    @Test func aDoseBrokenInsideAValueIsFound() throws {
        let routine = Routine(id: "r", title: "", sections: [])
        // Ordinary spaces in a narrow frame: "hold 30" breaks apart.
        let broken = PlacedElement.text(
            PlacedText(
                frame: Rect(x: 20, y: 20, width: 40, height: 40), text: "2 reps · hold 30 s", emphasis: [], font: FontStyle(family: "DejaVu Sans", size: 9),
                color: .black, alignment: .left, role: .dose, lineCount: 3))
        #expect(try findings(routine, [page([broken])]).contains { $0.code == "broken-dose" })
    }

    @Test func theBuiltInsHaveNoOverlapDropOrBrokenDoseOnAnyTemplateOrTheme() throws {
        for template in Template.allCases {
            for theme in Theme.Name.allCases {
                let routines = try Routine.builtInIDs.map { try Routine.builtIn($0) }
                let found = try CardRenderer().check(routines, options: CardOptions(template: template, theme: theme))
                let serious = found.filter { ["overlap", "text-dropped", "broken-dose"].contains($0.code) }
                #expect(serious.isEmpty, "\(template) \(theme): \(serious)")
            }
        }
    }
}
