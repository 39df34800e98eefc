import Testing
@testable import RoutineCard

/// Lines break where a reader expects: never inside a dose's value and unit, never inside a
/// tracker's weekday name.
struct LineBreakTests {
    @Test(arguments: ["en", "es", "de"])
    func aDoseBreaksOnlyBetweenItsParts(language: String) throws {
        let labels = Labels.forLanguage(language)
        let text = labels.dose(Dose(sets: 2, reps: 10, hold: 30, side: .each))
        let parts = text.components(separatedBy: " · ")
        #expect(parts.count == 3)
        for part in parts { #expect(!part.contains(" "), "'\(part)' can break inside") }
        #expect(parts[2] == Labels.unbreakable(labels.eachSide))
    }

    @Test func theCardsKeepEachDoseOnOneLineWhereItFits() throws {
        // Every dose on every built-in card: a dose part is a single unbreakable word, so a placed
        // dose has at most as many lines as parts.
        for id in Routine.builtInIDs {
            let routine = try Routine.builtIn(id)
            for template in Template.allCases {
                let layout = try #require(try CardRenderer().layout([routine], options: CardOptions(template: template)).first)
                for text in layout.pages.flatMap(\.texts) where text.text.contains("\u{00A0}") {
                    #expect(text.lineCount <= text.text.components(separatedBy: " · ").count, "\(id) \(template): \(text.text)")
                }
            }
        }
    }

    @Test(arguments: [Template.fridge, .sheet], Theme.Name.allCases)
    func trackerWeekdaysAreNeverBrokenInsideAWord(template: Template, theme: Theme.Name) throws {
        let weekdays = Labels.forLanguage("en").weekdays
        for id in Routine.builtInIDs {
            var options = CardOptions(template: template, theme: theme)
            options.tracker = true
            let layout = try #require(try CardRenderer().layout([try Routine.builtIn(id)], options: options).first)
            let days = layout.pages.flatMap(\.texts).filter { text in weekdays.contains { $0.hasPrefix(text.text) } && text.role == .label }
            for day in days { #expect(day.lineCount == 1, "\(id) \(template) \(theme): '\(day.text)' wraps") }
        }
    }

    @Test func aFontThatIsNotInstalledIsNamedWithItsSubstitute() throws {
        var options = CardOptions()
        options.fontFamily = "No Such Family 4711"
        let findings = try CardRenderer().check([try Routine.builtIn("desk-break")], options: options)
        let finding = try #require(findings.first { $0.code == "font-substituted" })
        #expect(finding.severity == .warning && finding.message.contains("No Such Family 4711"))
        options.fontFamily = "DejaVu Sans"
        #expect(try CardRenderer().check([try Routine.builtIn("desk-break")], options: options).allSatisfy { $0.code != "font-substituted" })
    }
}
