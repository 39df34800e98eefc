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
