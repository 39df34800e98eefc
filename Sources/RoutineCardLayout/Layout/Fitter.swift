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
                // Whether the type reached its largest size (or may not grow): only then do drawings grow.
                var grewFully = typeScale == 1 && content.maxGrowth <= 1
                // Room to spare: grow the type (a short routine on a big page), in steps of 5 %, as
                // far as it still fits. The largest step is tried first (short routines take it), then
                // a binary search: each try lays out every text at new sizes.
                if typeScale == 1, content.maxGrowth > 1 {
                    let steps = Int(((content.maxGrowth - 1) / 0.05 + 0.001).rounded(.down))
                    func scale(_ step: Int) -> Double { 1 + 0.05 * Double(step) }
                    if steps > 0, let pages = try attempt(scale(steps), spacing: 1, into: &attempts) {
                        natural = pages
                        chosen = scale(steps)
                        grewFully = true
                    } else {
                        var fits = 0, fails = steps
                        while fails - fits > 1 {
                            let middle = (fits + fails) / 2
                            if let pages = try attempt(scale(middle), spacing: 1, into: &attempts) {
                                natural = pages
                                chosen = scale(middle)
                                fits = middle
                            } else {
                                fails = middle
                            }
                        }
                    }
                }
                // The type has grown all it may and there is still room: the drawings grow too, in
                // steps of a tenth, as far as the page holds them.
                var pictures = 1.0
                if grewFully, content.maxPictureGrowth > 1 {
                    // The largest first (a short routine takes it), then a binary search: each try
                    // measures the text again beside drawings of another width.
                    let steps = Int(((content.maxPictureGrowth - 1) / 0.1 + 0.001).rounded(.down))
                    var fits = 0, fails = steps + 1
                    if let pages = try attempt(chosen, spacing: 1, pictures: 1 + 0.1 * Double(steps), into: &attempts) {
                        natural = pages
                        fits = steps
                    } else {
                        fails = steps
                    }
                    while fails - fits > 1 {
                        let middle = (fits + fails) / 2
                        if let pages = try attempt(chosen, spacing: 1, pictures: 1 + 0.1 * Double(middle), into: &attempts) {
                            natural = pages
                            fits = middle
                        } else {
                            fails = middle
                        }
                    }
                    pictures = 1 + 0.1 * Double(fits)
                }
                return result(natural, typeScale: chosen, spacing: 1, pictures: pictures)
            }
            guard try attempt(typeScale, spacing: 0, into: &attempts) != nil else { continue }
            // It fits with the tightest spacing: find the most generous spacing that still fits.
            var low = 0.0, high = 1.0
            for _ in 0..<8 {
                let middle = (low + high) / 2
                if try attempt(typeScale, spacing: middle, into: &attempts) != nil { low = middle } else { high = middle }
            }
            let chosen = context.scaled(type: typeScale, spacing: low)
            let pages = try Paginator(content: content, safeArea: safeArea, context: chosen).paginate()
            return result(pages, typeScale: typeScale, spacing: low)
        }
        // It does not fit on one page even at the floor: use as few pages as the floor needs, with the
        // largest type and the most space that still fit in that many.
        let fewest = attempts.map(\.pages.count).min() ?? 1
        guard let best = attempts.first(where: { $0.pages.count == fewest }) else {
            throw LayoutError(description: "nothing could be laid out")
        }
        let pages = try balanced(best.pages, context: best.context)
        return result(pages, typeScale: best.context.typeScale, spacing: best.context.spacingScale)
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
    /// least share of their height that moves enough onto it (they stay as full as they can).
    private func balanced(_ pages: [PagePlan], context: LayoutContext) throws -> [PagePlan] {
        guard pages.count > 1, fill(of: pages[pages.count - 1]) < Self.lastCardTarget else { return pages }
        // Largest share first, a twentieth at a time: moving one unbreakable box changes the
        // count of cards, so the search cannot halve.
        for step in 1...14 {
            var paginator = Paginator(content: content, safeArea: safeArea, context: context)
            paginator.heightLimit = 1 - 0.05 * Double(step)
            paginator.limitedPages = pages.count - 1
            // A limit too small for some unbreakable item cannot be used.
            if let tried = try? paginator.paginate(), tried.count == pages.count, fill(of: tried[tried.count - 1]) >= Self.lastCardTarget {
                return tried
            }
        }
        return pages
    }

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
