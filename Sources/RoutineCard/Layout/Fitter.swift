import Foundation

/// Makes content fit: first tighter spacing, then smaller type down to the floor, then more pages.
/// Records what it did, so the user can be told.
struct Fitter {
    let content: CardContent
    let safeArea: Rect
    let context: LayoutContext
    /// The body text spec whose size is reported ("shrunk body text to 8.5 pt").
    let bodySpec: TextSpec

    struct Result {
        var pages: [PagePlan]
        var notes: [String]
    }

    func fit() throws -> Result {
        var attempts: [(typeScale: Double, spacing: Double, pages: [PagePlan])] = []
        for typeScale in typeScales() {
            if var natural = try attempt(typeScale, spacing: 1, into: &attempts) {
                var chosen = typeScale
                // Room to spare: grow the type (a short routine on a big page), in steps of 5 %, as
                // far as it still fits. The largest step is tried first (short routines take it), then
                // a binary search: each try lays out every text at new sizes.
                if typeScale == 1, content.maxGrowth > 1 {
                    let steps = Int(((content.maxGrowth - 1) / 0.05 + 0.001).rounded(.down))
                    func scale(_ step: Int) -> Double { 1 + 0.05 * Double(step) }
                    if steps > 0, let pages = try attempt(scale(steps), spacing: 1, into: &attempts) {
                        natural = pages
                        chosen = scale(steps)
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
                    context.typeScale = chosen
                    context.spacingScale = 1
                }
                return Result(pages: natural, notes: notes(typeScale: chosen, spacing: 1, pages: 1))
            }
            guard try attempt(typeScale, spacing: 0, into: &attempts) != nil else { continue }
            // It fits with the tightest spacing: find the most generous spacing that still fits.
            var low = 0.0, high = 1.0
            for _ in 0..<8 {
                let middle = (low + high) / 2
                if try attempt(typeScale, spacing: middle, into: &attempts) != nil { low = middle } else { high = middle }
            }
            context.typeScale = typeScale
            context.spacingScale = low
            let pages = try Paginator(content: content, safeArea: safeArea, context: context).paginate()
            return Result(pages: pages, notes: notes(typeScale: typeScale, spacing: low, pages: 1))
        }
        // It does not fit on one page even at the floor: use as few pages as the floor needs, with the
        // largest type and the most space that still fit in that many.
        let fewest = attempts.map(\.pages.count).min() ?? 1
        guard let best = attempts.first(where: { $0.pages.count == fewest }) else {
            throw LayoutError(description: "nothing could be laid out")
        }
        context.typeScale = best.typeScale
        context.spacingScale = best.spacing
        return Result(pages: best.pages, notes: notes(typeScale: best.typeScale, spacing: best.spacing, pages: best.pages.count))
    }

    /// Paginates with the given knobs; returns the pages when they are one, and records every try.
    private func attempt(
        _ typeScale: Double, spacing: Double, into attempts: inout [(typeScale: Double, spacing: Double, pages: [PagePlan])]
    ) throws -> [PagePlan]? {
        context.typeScale = typeScale
        context.spacingScale = spacing
        let pages = try Paginator(content: content, safeArea: safeArea, context: context).paginate()
        attempts.append((typeScale, spacing, pages))
        return pages.count == 1 ? pages : nil
    }

    /// Natural size first, then body text half a point smaller at a time, down to the floor.
    private func typeScales() -> [Double] {
        context.typeScale = 1
        let natural = context.font(bodySpec).size
        let floor = context.bodyFloor
        var list = [1.0]
        var size = natural - 0.5
        while size >= floor - 0.001 {
            list.append(size / natural)
            size -= 0.5
        }
        return list
    }

    private func notes(typeScale: Double, spacing: Double, pages: Int) -> [String] {
        var notes: [String] = []
        context.typeScale = typeScale
        // Small adjustments to spacing are routine; only a visible squeeze is worth telling.
        if spacing < 0.6, pages == 1 { notes.append("tightened spacing to fit") }
        if typeScale < 1 {
            let size = context.font(bodySpec).size
            notes.append("shrunk body text to \(size.formatted(decimals: 2)) pt")
        }
        if pages > 1 { notes.append("continued on \(pages) pages") }
        return notes
    }
}

extension Double {
    /// A short decimal: 8.5, 9, 8.25.
    func formatted(decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", self)
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

