import Testing
@testable import RoutineCard

/// Checks every laid-out page must pass, whatever the routine or options.
enum LayoutChecks {
    static func verify(_ layout: CardLayout, minimumBody: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        for (number, page) in layout.pages.enumerated() {
            for element in page.elements where !PlacedPage.isBackground(element) {
                #expect(
                    page.safeArea.contains(element.frame), "page \(number + 1): \(element) leaves the safe area \(page.safeArea)",
                    sourceLocation: sourceLocation)
            }
            // A heading never ends a page: it stays with what it introduces.
            let content = page.texts.filter { $0.role != .footer }
            if number < layout.pages.count - 1, let last = content.last {
                #expect(last.role != .heading, "page \(number + 1) ends with the heading '\(last.text)'", sourceLocation: sourceLocation)
            }
            let texts = page.texts
            for (i, a) in texts.enumerated() {
                for b in texts[(i + 1)...] where a.frame.overlaps(b.frame) {
                    Issue.record("page \(number + 1): '\(a.text.prefix(30))' overlaps '\(b.text.prefix(30))'", sourceLocation: sourceLocation)
                }
                if a.role == .body || a.role == .caution {
                    #expect(a.font.size >= minimumBody - 0.001, "'\(a.text.prefix(30))' is \(a.font.size) pt", sourceLocation: sourceLocation)
                }
            }
            // Reading order: each text starts below the previous one, or to its right (a new column).
            for (a, b) in zip(texts, texts.dropFirst()) {
                let below = b.frame.minY >= a.frame.minY - 0.01
                let rightColumn = b.frame.minX >= a.frame.maxX - 0.01
                #expect(below || rightColumn, "'\(b.text.prefix(30))' comes before '\(a.text.prefix(30))' in reading order", sourceLocation: sourceLocation)
            }
        }
    }

    /// All the text of a layout, in order.
    static func allText(_ layout: CardLayout) -> String {
        layout.pages.flatMap(\.texts).map(\.text).joined(separator: "\n")
    }
}
