import Foundation
import Testing
@testable import RoutineCard
@testable import RoutineCardLayout

/// "When to get help": read from routine files, checked, and printed on every template and theme.
struct HelpSectionTests {
    let loader = RoutineLoaderTests()
    static let yaml = """
        title: Knee
        sections:
          - exercises:
              - name: Heel slide
                steps: Slide the heel towards you.
          - id: help
            help:
              urgent:
                - "Sudden swelling with fever: get help today."
              doctor: Pain that does not ease within two weeks.
        """

    @Test func bothTiersAreRead() throws {
        let routine = try loader.load(Self.yaml)
        let section = try #require(routine.sections.last)
        #expect(
            section.content == .help(HelpAdvice(urgent: ["Sudden swelling with fever: get help today."], doctor: ["Pain that does not ease within two weeks."]))
        )
        #expect(routine.validate().isEmpty)
    }

    @Test(arguments: [
        ("  - id: help\n    help: {}\n", 7, "needs urgent"),
        ("  - id: help\n    help:\n      later: [Soon.]\n", 8, "later"),
        ("  - id: help\n    help:\n      urgent: []\n", 8, "empty"),
    ])
    func aBrokenHelpSectionIsReportedAtItsLine(tail: String, line: Int, phrase: String) {
        let head = Self.yaml.components(separatedBy: "  - id: help")[0]
        let found = loader.errors(head + tail)
        #expect(found.contains { $0.line == line && $0.message.contains(phrase) }, "\(found)")
    }

    @Test func anEmptySentenceIsRefusedByTheValidator() {
        let routine = Routine(id: "r", title: "R", sections: [RoutineSection(id: "help", content: .help(HelpAdvice(urgent: [" "])))])
        #expect(routine.validate().contains { $0.message.contains("urgent 1") || $0.message.contains("text") })
    }

    @Test(arguments: Template.allCases, Theme.Name.allCases)
    func everyBuiltInPrintsItsHelpInACautionBoxAtBodySize(template: Template, theme: Theme.Name) throws {
        for id in Routine.builtInIDs {
            let routine = try Routine.builtIn(id)
            guard case .help(let advice)? = routine.sections.last?.content else {
                Issue.record("\(id) has no help section at the end")
                continue
            }
            #expect(!advice.urgent.isEmpty && !advice.doctor.isEmpty, "\(id): both tiers")
            let layout = try #require(try CardRenderer().layout([routine], options: CardOptions(template: template, theme: theme)).first)
            let texts = layout.pages.flatMap(\.texts)
            let body = texts.filter { $0.role == .body }.map(\.font.size).min() ?? 0
            let urgent = try #require(texts.first { $0.text.hasPrefix("Urgent: ") }, "\(id) \(template) \(theme)")
            #expect(urgent.font.size >= body - 0.01, "\(id): the help text is never smaller than the body")
            #expect(texts.contains { $0.text == "When to get help" && $0.role == .heading })
            let outlines = layout.pages.flatMap(\.elements).compactMap {
                if case .shape(let s) = $0, s.stroke == Theme.named(theme).caution, s.lineWidth >= 1.2 { s } else { nil }
            }
            #expect(!outlines.isEmpty, "\(id) \(template) \(theme): the caution outline")
            #expect(layout.pages.flatMap(\.elements).contains { if case .image(let i) = $0 { i.source == CardBlocks.helpIcon } else { false } })
        }
    }

    @Test func theStarterRoutineHasOne() throws {
        let starter = RoutineFiles.starter(id: "knee-care", title: "Knee care", fileName: "knee-care.yaml")
        let routine = try loader.load(starter)
        #expect(routine.sections.contains { if case .help = $0.content { true } else { false } })
    }
}

/// The routine format's documentation: its complete example loads, validates and renders as written.
struct RoutineFormatDocumentTests {
    @Test func theCompleteExampleValidatesAsWritten() throws {
        let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../docs/routine-format.md")
        let text = try String(contentsOf: document.standardizedFileURL, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## A complete example").dropFirst().first)
        let yaml = try #require(section.components(separatedBy: "```yaml\n").dropFirst().first?.components(separatedBy: "```").first)
        let routine = try RoutineLoader.load(data: Data(yaml.utf8), file: "knee-care.yaml")
        #expect(routine.id == "knee-care" && routine.validate().isEmpty)
        #expect(routine.sections.contains { if case .help = $0.content { true } else { false } })
        let layout = try #require(try CardRenderer().layout([routine]).first)
        #expect(LayoutChecks.allText(layout).contains("affected\u{A0}side"))
    }

    @Test(arguments: Dose.Side.allCases)
    func everySideIsReadAndPrintedInEachLanguage(side: Dose.Side) throws {
        let routine = try RoutineLoader.load(
            data: Data("title: T\nsections:\n  - exercises:\n      - name: Move\n        dose: { reps: 5, side: \(side.rawValue) }\n".utf8), file: "t.yaml")
        guard case .exercises(let items) = routine.sections[0].content else {
            Issue.record("no exercises")
            return
        }
        #expect(items[0].dose.side == side)
        for language in ["en", "es", "de"] {
            let dose = Labels.forLanguage(language).dose(items[0].dose)
            #expect(dose.split(separator: "·").count == 2, "\(language): \(dose)")
        }
        #expect(Labels.forLanguage("es").dose(Dose(side: .affected)).contains("afectado"))
        #expect(Labels.forLanguage("de").dose(Dose(side: .left)).contains("inke\u{A0}Seite"))
    }

    @Test(arguments: [
        ("Rehabilitación de rodilla", "rehabilitacion-de-rodilla"), ("Fußgymnastik", "fussgymnastik"), ("Knee care", "knee-care"),
        ("  Hüfte & Knie  ", "hufte-knie"),
    ])
    func newRoutineIdsAreSpelledInASCII(name: String, id: String) throws {
        #expect(RoutineFiles.identifier(from: name) == id)
        let starter = RoutineFiles.starter(id: id, title: name, fileName: "\(id).yaml")
        #expect(try RoutineLoader.load(data: Data(starter.utf8), file: "\(id).yaml").validate().isEmpty)
        #expect(RoutineFiles.identifier(from: "Ὀδύσσεια") == nil)
    }
}

/// Contrast therapy prints its warm and cold spells first, in the card's language.
struct ContrastSpellTests {
    @Test(arguments: [("en", "3 min warm, 1 min cold."), ("es", "3 min de calor, 1 min de frío."), ("de", "3 Min. warm, 1 Min. kalt.")])
    func theSpellsAreOnEveryTemplate(language: String, expected: String) throws {
        let routine = try Routine.builtIn("leg-cramps", language: language)
        for template in Template.allCases {
            let text = LayoutChecks.allText(try #require(try CardRenderer().layout([routine], options: CardOptions(template: template)).first))
            #expect(text.replacingOccurrences(of: "\u{202F}", with: " ").contains(expected), "\(language) \(template)")
        }
    }
}
