import Foundation
import RoutineCardModel

/// What the fitter did to make a routine fit, for the user and for preflight.
package enum LayoutAdjustment: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Space between blocks was squeezed visibly.
    case tightenedSpacing
    /// Body text was made smaller than designed, to this size in points.
    case shrunkBodyText(points: Double)
    /// A short routine on a large page got larger type, to this body size in points.
    case grewBodyText(points: Double)
    /// The routine continued on this many cards.
    case continued(cards: Int)

    package var description: String {
        switch self {
        case .tightenedSpacing: "tightened spacing to fit"
        case .shrunkBodyText(let points): "shrunk body text to \(points.formatted(decimals: 2)) pt"
        case .grewBodyText(let points): "grew body text to \(points.formatted(decimals: 2)) pt"
        case .continued(let cards): "continued on \(cards) pages"
        }
    }

    /// Whether the card gave something up to fit (growing on a large page is no compromise).
    package var isCompromise: Bool {
        if case .grewBodyText = self { return false }
        return true
    }
}

/// Makes content fit: first tighter spacing, then smaller type down to the floor, then more pages.
/// A function of its inputs: it tries knobs on contexts of its own and returns the chosen one, the
/// pages and what it did.
struct Fitter {
    let content: CardContent
    let safeArea: Rect
    /// The measurer, theme and floor to fit with (its knobs are not used).
    let context: LayoutContext
    /// The body text spec whose size is reported ("shrunk body text to 8.5 pt").
    let bodySpec: TextSpec

    struct Result {
        var pages: [PagePlan]
        /// The context with the chosen knobs, to place the pages with.
        var context: LayoutContext
        var adjustments: [LayoutAdjustment]
    }

    private typealias Attempt = (context: LayoutContext, pages: [PagePlan])

    func fit() throws -> Result {
        var attempts: [Attempt] = []
        for typeScale in typeScales() {
            if var natural = try attempt(typeScale, spacing: 1, into: &attempts) {
                var chosen = typeScale
                var pictures = 1.0
                // Room to spare: grow the type (a short routine on a big page), in steps of 5 %, as
                // far as it still fits; once it has grown all it may, the drawings grow too, in steps
                // of a tenth. Each try lays out every text again, at new sizes or new widths.
                if typeScale == 1 {
                    let typeSteps = Int(((content.maxGrowth - 1) / 0.05 + 0.001).rounded(.down))
                    let grown = try largestFitting(typeSteps) { try attempt(1 + 0.05 * Double($0), spacing: 1, into: &attempts) }
                    if let pages = grown.pages { natural = pages }
                    chosen = 1 + 0.05 * Double(grown.step)
                    let pictureSteps = Int(((content.maxPictureGrowth - 1) / 0.1 + 0.001).rounded(.down))
                    if grown.step == typeSteps, pictureSteps > 0 {
                        let larger = try largestFitting(pictureSteps) {
                            try attempt(chosen, spacing: 1, pictures: 1 + 0.1 * Double($0), into: &attempts)
                        }
                        if let pages = larger.pages { natural = pages }
                        pictures = 1 + 0.1 * Double(larger.step)
                    }
                }
                return result(natural, typeScale: chosen, spacing: 1, pictures: pictures)
            }
            // Tighter spacing, then drawings sized down towards the text beside them (to four
            // fifths), before the type shrinks or the card continues.
            guard let pictures = try Self.pictureShrinks.first(where: { try attempt(typeScale, spacing: 0, pictures: $0, into: &attempts) != nil })
            else { continue }
            // It fits with the tightest spacing: find the most generous spacing that still fits.
            var low = 0.0, high = 1.0
            for _ in 0..<8 {
                let middle = (low + high) / 2
                if try attempt(typeScale, spacing: middle, pictures: pictures, into: &attempts) != nil { low = middle } else { high = middle }
            }
            let chosen = context.scaled(type: typeScale, spacing: low, pictures: pictures)
            let pages = try Paginator(content: content, safeArea: safeArea, context: chosen).paginate()
            return result(pages, typeScale: typeScale, spacing: low, pictures: pictures)
        }
        // It does not fit on one page even at the floor: use as few pages as the floor needs, with the
        // largest type and the most space that still fit in that many.
        let fewest = attempts.map(\.pages.count).min() ?? 1
        guard let best = attempts.first(where: { $0.pages.count == fewest }) else {
            throw LayoutError(description: "nothing could be laid out")
        }
        let pages = try balanced(best.pages, context: best.context)
        return result(pages, typeScale: best.context.typeScale, spacing: best.context.spacingScale, pictures: best.context.pictureScale)
    }

    /// The largest step in `0...steps` whose one-page `attempt` fits (step 0 is known to), with its
    /// pages when it is not 0: the largest first (short routines take it), then a binary search.
    private func largestFitting(_ steps: Int, _ attempt: (Int) throws -> [PagePlan]?) rethrows -> (step: Int, pages: [PagePlan]?) {
        guard steps > 0 else { return (0, nil) }
        if let pages = try attempt(steps) { return (steps, pages) }
        var fits = 0, fails = steps
        var found: [PagePlan]?
        while fails - fits > 1 {
            let middle = (fits + fails) / 2
            if let pages = try attempt(middle) {
                found = pages
                fits = middle
            } else {
                fails = middle
            }
        }
        return (fits, found)
    }

    /// Paginates with the given knobs; returns the pages when they are one, and records every try.
    private func attempt(_ typeScale: Double, spacing: Double, pictures: Double = 1, into attempts: inout [Attempt]) throws -> [PagePlan]? {
        let scaled = context.scaled(type: typeScale, spacing: spacing, pictures: pictures)
        let pages = try Paginator(content: content, safeArea: safeArea, context: scaled).paginate()
        attempts.append((scaled, pages))
        return pages.count == 1 ? pages : nil
    }

    /// The same content over the same number of cards, with a last card that is not a stub: when
    /// the last holds less than ``lastCardTarget`` of its height, the cards before it give up the
    /// least share of their height that moves enough onto it. The rule is that every card before
    /// the last stays at least ``Paginator/fullEnough`` full and the last at least
    /// ``lastCardFloor``: the least share that meets the target and the rule wins, then the least
    /// that meets the rule, then the split whose emptiest card is fullest.
    private func balanced(_ pages: [PagePlan], context: LayoutContext) throws -> [PagePlan] {
        guard pages.count > 1, fill(of: pages[pages.count - 1]) < Self.lastCardTarget else { return pages }
        var candidates = [pages]
        // A twentieth at a time: moving one unbreakable box changes the count of cards, so the
        // search cannot halve.
        for step in 1...14 {
            var paginator = Paginator(content: content, safeArea: safeArea, context: context)
            paginator.heightLimit = 1 - 0.05 * Double(step)
            paginator.limitedPages = pages.count - 1
            // A limit too small for some unbreakable item cannot be used.
            if let tried = try? paginator.paginate(), tried.count == pages.count { candidates.append(tried) }
        }
        func keepsTheRule(_ pages: [PagePlan]) -> Bool {
            pages.dropLast().allSatisfy { fill(of: $0) >= Paginator.fullEnough } && fill(of: pages[pages.count - 1]) >= Self.lastCardFloor
        }
        if let met = candidates.first(where: { keepsTheRule($0) && fill(of: $0[$0.count - 1]) >= Self.lastCardTarget }) { return met }
        if let kept = candidates.first(where: keepsTheRule) { return kept }
        return candidates.max { ($0.map(fill).min() ?? 0) < ($1.map(fill).min() ?? 0) } ?? pages
    }

    /// The least a last card may hold.
    static let lastCardFloor = 0.4

    /// The drawings' scales tried, largest first, when the content is just too tall.
    static let pictureShrinks = [1.0, 0.9, 0.8]

    /// How full a last card should be, counted from the top of the safe area (header included).
    static let lastCardTarget = 0.45

    /// The share of the safe area's height that a page's items reach down to.
    private func fill(of page: PagePlan) -> Double {
        let bottom = page.items.map(\.frame.maxY).max() ?? safeArea.minY
        return (bottom - safeArea.minY) / safeArea.height
    }

    /// Natural size first, then body text half a point smaller at a time, down to the floor.
    private func typeScales() -> [Double] {
        let natural = context.scaled(type: 1, spacing: 1).font(bodySpec).size
        let floor = context.bodyFloor
        var list = [1.0]
        var size = natural - 0.5
        while size >= floor - 0.001 {
            list.append(size / natural)
            size -= 0.5
        }
        return list
    }

    private func result(_ pages: [PagePlan], typeScale: Double, spacing: Double, pictures: Double = 1) -> Result {
        let chosen = context.scaled(type: typeScale, spacing: spacing, pictures: pictures)
        var adjustments: [LayoutAdjustment] = []
        // Small adjustments to spacing are routine; only a visible squeeze is worth telling.
        if spacing < 0.6, pages.count == 1 { adjustments.append(.tightenedSpacing) }
        if typeScale < 1 { adjustments.append(.shrunkBodyText(points: chosen.font(bodySpec).size)) }
        if typeScale > 1 { adjustments.append(.grewBodyText(points: chosen.font(bodySpec).size)) }
        if pages.count > 1 { adjustments.append(.continued(cards: pages.count)) }
        return Result(pages: pages, context: chosen, adjustments: adjustments)
    }
}

extension Double {
    /// A short decimal: 8.5, 9, 8.25.
    package func formatted(decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", self)
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
