import Foundation
import Testing
import TestSupport
@testable import RoutineCard
@testable import RoutineCardLayout

/// Every built-in × template × theme × {plain, personal details, tracker}, rendered to PDF and read
/// back with poppler's pdftotext (an independent reader): every sentence of the routine is printed,
/// no page is blank, doses are never split across lines, and the cards of a continued routine are
/// evenly used.
struct PrintedMatrixTests {
    static let cases: [(name: String, options: CardOptions)] = {
        var personal = CardOptions()
        personal.personal = PersonalDetails(forName: "Sam", byName: "Dr Lee", date: "26 Nov", note: "Start gently this week.")
        return [("plain", CardOptions()), ("personal", personal), ("tracker", CardOptions(tracker: true))]
    }()

    /// One word of pdftotext's bounding-box output.
    struct Word {
        var text: String
        var yMin: Double
        var yMax: Double
    }

    /// The words of each page, from `pdftotext -bbox`.
    static func pages(_ pdf: URL) throws -> [(height: Double, words: [Word])] {
        let html = try ExternalTool.run("pdftotext", ["-bbox", pdf.path, "-"]).output
        var pages: [(Double, [Word])] = []
        for chunk in html.components(separatedBy: "<page ").dropFirst() {
            let height = Double(chunk.firstMatch(of: /height="([0-9.]+)"/)?.1 ?? "0") ?? 0
            let words = chunk.matches(of: /yMin="([0-9.]+)" xMax="[0-9.]+" yMax="([0-9.]+)">([^<]*)</).map {
                Word(text: String($0.3), yMin: Double($0.1) ?? 0, yMax: Double($0.2) ?? 0)
            }
            pages.append((height, words))
        }
        return pages
    }

    /// Text as a reader compares it: without emphasis markers, the card's no-break and narrow spaces,
    /// soft hyphens and break hyphens at line ends, in lower case, with single spaces.
    static func normal(_ text: String) -> String {
        var plain = EmphasisParser.parse(text).plain
        for space in ["\u{A0}", "\u{202F}"] { plain = plain.replacingOccurrences(of: space, with: " ") }
        plain = plain.replacingOccurrences(of: "\u{FEFF}", with: "")
        let joined = plain.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return joined.replacingOccurrences(of: "\u{AD} ", with: "").replacingOccurrences(of: "\u{2010} ", with: "")
            .replacingOccurrences(of: "\u{AD}", with: "").lowercased()
    }

    @Test(arguments: Template.allCases, Theme.Name.allCases)
    func everyCardReadsBackWholeAndEvenlyUsed(template: Template, theme: Theme.Name) throws {
        let folder = try ExternalTool.temporaryFolder()
        for id in Routine.builtInIDs {
            let routine = try Routine.builtIn(id)
            let labels = Labels.forLanguage(routine.language)
            for (name, base) in Self.cases where !(template == .wallet && base.tracker) {
                var options = base
                options.template = template
                options.paper = template.defaultPaper
                options.theme = theme
                let label = "\(id) \(template) \(theme) \(name)"
                let pdf = folder.appendingPathComponent("\(id)-\(template)-\(theme)-\(name).pdf")
                try CardRenderer().render([routine], options: options, output: OutputOptions(format: .pdf)).data.write(to: pdf)
                let raw = try ExternalTool.run("pdftotext", ["-raw", pdf.path, "-"]).output
                // Every sentence, whole: a paragraph may run on to the next card, past the footer and
                // the "continued" title that every card repeats, and a line may end in a word's hyphen.
                let disclaimerText = Self.normal(routine.disclaimer ?? labels.notMedicalAdvice)
                let cardNumber = try Regex(Self.normal(labels.page(1, of: 1)).replacingOccurrences(of: "1", with: "[0-9]+"))
                let continued = Self.normal("\(EmphasisParser.parse(routine.title).plain) (\(labels.continued))")
                let printed = raw.components(separatedBy: "\u{C}").map { page in
                    var text = Self.normal(page.replacingOccurrences(of: "-\n", with: "-"))
                    text = text.replacingOccurrences(of: disclaimerText, with: " ")
                    text = text.replacingOccurrences(of: continued, with: " ")
                    return text.replacing(cardNumber, with: " ")
                }.joined(separator: " ").split(separator: " ").joined(separator: " ")
                for sentence in routine.printedSentences {
                    #expect(printed.contains(Self.normal(sentence)), "\(label): '\(sentence)' is not in the PDF")
                }
                if let note = options.personal.note { #expect(printed.contains(Self.normal(note)), "\(label): the note") }
                // Each part of a dose on one line.
                let lines = raw.split(separator: "\n").map { Self.normal(String($0)) }
                for section in routine.sections {
                    guard case .exercises(let exercises) = section.content else { continue }
                    for part in exercises.flatMap({ labels.dose($0.dose).components(separatedBy: " · ") }) where !part.isEmpty {
                        #expect(lines.contains { $0.contains(Self.normal(part)) }, "\(label): the dose part '\(part)' is split across lines")
                    }
                }
                // No blank page; cards before the last at least 70 % full (or all at least half full),
                // the last at least 40 %, measured from the words' positions (fridge and sheet).
                let pages = try Self.pages(pdf)
                let disclaimer = try #require(Self.normal(routine.disclaimer ?? labels.notMedicalAdvice).split(separator: " ").first)
                var fills: [Double] = []
                for (height, words) in pages {
                    let margin = options.effectiveMargin
                    let footerTop = words.filter { Self.normal($0.text) == disclaimer && $0.yMin > height * 0.6 }.map(\.yMin).max() ?? height - margin
                    let content = words.filter { $0.yMax < footerTop - 0.5 }
                    #expect(!content.isEmpty, "\(label): a blank page")
                    fills.append(((content.map(\.yMax).max() ?? margin) - margin) / (footerTop - margin))
                }
                guard template != .wallet, fills.count > 1 else { continue }
                #expect((fills.last ?? 0) >= 0.4, "\(label): \(fills.map { Int($0 * 100) })")
                let evenlyUsed = fills.allSatisfy { $0 >= 0.5 }
                for fill in fills.dropLast() { #expect(fill >= 0.7 || evenlyUsed, "\(label): \(fills.map { Int($0 * 100) })") }
            }
        }
    }
}
