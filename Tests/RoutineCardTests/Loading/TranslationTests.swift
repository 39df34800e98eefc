import Foundation
import Testing
@testable import RoutineCard
@testable import RoutineCardLayout

/// Every built-in routine in English, Spanish and German: whole cards in one language, the same
/// routine in each.
struct TranslationTests {
    /// What must not change between languages: ids, kinds, doses, pictures, times, icons.
    func shape(_ routine: Routine) -> [String] {
        var parts = [routine.id, "\(routine.frequency?.perDay ?? 0)"]
        for section in routine.sections {
            parts.append("\(section.id):\(section.content.kind.rawValue):\(section.content.count)")
            switch section.content {
            case .exercises(let items): parts += items.map { "\($0.dose) \($0.illustration ?? "-") \($0.steps.count) \($0.caution != nil)" }
            case .therapy(let items): parts += items.map { "\($0.kind) \(String(describing: $0.duration)) \($0.caution != nil)" }
            case .tips(let items): parts += items.map { $0.icon ?? "-" }
            case .notes, .help: break
            }
        }
        return parts
    }

    @Test(arguments: ["es", "de"])
    func everyBuiltInIsTheSameRoutineInEachLanguage(language: String) throws {
        for id in Routine.builtInIDs {
            #expect(Routine.builtInLanguages(of: id) == ["de", "en", "es"])
            let english = try Routine.builtIn(id)
            let translated = try Routine.builtIn(id, language: language)
            #expect(translated.language == language && english.language == "en")
            #expect(shape(translated) == shape(english), "\(id) in \(language)")
            #expect(translated.title != english.title, "\(id): the title is translated")
            #expect(translated.validate().isEmpty)
        }
    }

    @Test func aRegionalTagPicksTheLanguageAndAnUnknownOneEnglish() throws {
        #expect(try Routine.builtIn("leg-cramps", language: "de-AT").language == "de")
        #expect(try Routine.builtIn("leg-cramps", language: "ES").language == "es")
        #expect(try Routine.builtIn("leg-cramps", language: "fr").language == "en")
    }

    @Test(arguments: Template.allCases, ["es", "de"])
    func translatedCardsAreWholeAndCheckClean(template: Template, language: String) throws {
        for id in Routine.builtInIDs {
            let routine = try Routine.builtIn(id, language: language)
            var options = CardOptions(template: template)
            options.language = language
            let findings = try CardRenderer().check([routine], options: options)
            // Nothing but the note that a routine runs over several cards.
            let faults = findings.filter { $0.severity != .note }
            #expect(faults.isEmpty, "\(id) \(language) \(template): \(faults)")
            // The card's own words are in the language too.
            let text = LayoutChecks.allText(try #require(try CardRenderer().layout([routine], options: options).first))
            let labels = Labels.forLanguage(language)
            #expect(text.contains(labels.help) && text.contains("\(labels.urgent): "), "\(id) \(language) \(template)")
        }
    }

    @Test func cardWordsInOneLanguageOverARoutineInAnotherAreAFinding() throws {
        var options = CardOptions()
        options.language = "es"
        let findings = try CardRenderer().check([Routine.builtIn("leg-cramps")], options: options)
        #expect(findings.contains { $0.code == "language-mismatch" && $0.severity == .warning })
        #expect(try CardRenderer().check([Routine.builtIn("leg-cramps", language: "es")], options: options).allSatisfy { $0.code != "language-mismatch" })
    }
}
