import Foundation
import Testing
@testable import RoutineCard

/// Measures text as fixed-width boxes: each character is half its font size wide, each line 1.2
/// sizes tall, words wrap at spaces. Layout depends only on `TextMeasuring`, so pagination and
/// fitting can be tested as pure data: fast, exact, and without fonts.
final class FakeMeasurer: TextMeasuring {
    private(set) var requests = 0

    func measure(_ request: TextRequest) throws -> TextMetrics {
        requests += 1
        let advance = request.font.size * 0.5, lineHeight = request.font.size * 1.2 * request.font.lineSpacing
        let perLine = max(1, Int(request.width / advance))
        var lines: [TextMetrics.Line] = []
        var lineStart = 0, lineLength = 0, offset = 0, widest = 0
        for word in request.text.split(separator: " ", omittingEmptySubsequences: false) {
            let length = word.count
            if lineLength > 0, lineLength + 1 + length > perLine {
                lines.append(TextMetrics.Line(start: lineStart, bottom: Double(lines.count + 1) * lineHeight))
                widest = max(widest, lineLength)
                lineStart = offset
                lineLength = length
            } else {
                lineLength += (lineLength > 0 ? 1 : 0) + length
            }
            offset += word.utf8.count + 1
        }
        lines.append(TextMetrics.Line(start: lineStart, bottom: Double(lines.count + 1) * lineHeight))
        widest = max(widest, lineLength)
        return TextMetrics(
            width: min(request.width, Double(widest) * advance), height: Double(lines.count) * lineHeight,
            lineCount: lines.count, lines: lines, unknownGlyphs: 0)
    }
}

struct FakeMeasurerLayoutTests {
    private func routine(exercises count: Int) -> Routine {
        Routine(
            id: "fake", title: "Fake routine",
            sections: [
                RoutineSection(
                    id: "moves",
                    content: .exercises(
                        (1...count).map {
                            Exercise(name: "Move \($0)", dose: Dose(sets: 2, reps: 10), steps: ["Do the move slowly and carefully, then rest a moment."])
                        }))
            ])
    }

    private func layout(_ routine: Routine, _ options: CardOptions = CardOptions()) throws -> (CardLayout, FakeMeasurer) {
        let measurer = FakeMeasurer()
        return (try LayoutEngine(measurer: measurer).layout(routine, options: options), measurer)
    }

    @Test func aShortRoutineFitsOneCardWithoutACompromise() throws {
        let (card, measurer) = try layout(routine(exercises: 2))
        #expect(card.pages.count == 1)
        // It may grow into the room it has; it gives nothing up.
        #expect(card.adjustments.allSatisfy { !$0.isCompromise }, "\(card.adjustments)")
        #expect(measurer.requests > 0)
    }

    @Test func aLongRoutineShrinksThenContinuesAndEverythingStaysInside() throws {
        let (card, _) = try layout(routine(exercises: 24))
        #expect(card.pages.count > 1)
        #expect(card.adjustments.contains(.continued(cards: card.pages.count)))
        for page in card.pages {
            for element in page.elements where !PlacedPage.isBackground(element) {
                #expect(page.safeArea.contains(element.frame, tolerance: 0.5), "\(element.frame) outside \(page.safeArea)")
            }
        }
        // Every exercise is printed exactly once, in order.
        let names = card.pages.flatMap(\.texts).map(\.text).filter { $0.hasPrefix("Move ") }
        #expect(names == (1...24).map { "Move \($0)" })
    }

    @Test func fittingIsDeterministic() throws {
        let (first, _) = try layout(routine(exercises: 9))
        let (second, _) = try layout(routine(exercises: 9))
        #expect(first == second)
    }

    @Test func aRoutineBetweenTheTwoShrinksBeforeItContinues() throws {
        // Find the smallest routine that needs a change, and check it shrinks or tightens rather than continuing.
        for count in 3...12 {
            let (card, _) = try layout(routine(exercises: count))
            guard card.adjustments.contains(where: \.isCompromise) else { continue }
            #expect(card.pages.count == 1, "\(count) exercises: the first compromise should not be a second card (\(card.adjustments))")
            #expect(
                card.adjustments.contains {
                    if case .continued = $0 { return false }; return $0.isCompromise
                })
            return
        }
        Issue.record("no routine between 3 and 12 exercises needed a compromise")
    }
}
