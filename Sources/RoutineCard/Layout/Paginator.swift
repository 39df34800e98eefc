/// Breaks flowing items into pages: whole items where they fit, split items where one is taller
/// than the room left, headings kept with what follows.
struct Paginator {
    let content: CardContent
    let safeArea: Rect
    let context: LayoutContext

    /// The smallest first part worth leaving at the bottom of a page when splitting an item.
    private var minimumSplitHeight: Double { 36 }

    /// Pages for the content. The footer of a single page may be shorter (no page numbers), so a
    /// layout that needs more pages is redone with the taller footer.
    func paginate() throws -> [PagePlan] {
        let single = try paginate(footerHeight: content.footer(1, 1).height(width: safeArea.width, in: context))
        guard single.count > 1 else { return single }
        return try paginate(footerHeight: content.footer(1, 2).height(width: safeArea.width, in: context))
    }

    private func paginate(footerHeight: Double) throws -> [PagePlan] {
        let width = safeArea.width
        let bottom = safeArea.maxY - footerHeight - context.space(content.footerGap)
        var queue = content.items[...]
        var pages: [PagePlan] = []

        while !queue.isEmpty || pages.isEmpty {
            let header = pages.isEmpty ? content.header : content.continuedHeader
            let top = safeArea.minY + (try header.height(width: width, in: context)) + context.space(content.headerGap)
            var page = PagePlan(header: header, items: [])
            var y = top

            while let item = queue.first {
                let gap = page.items.isEmpty ? 0 : context.space(item.spaceBefore)
                let height = try item.block.height(width: width, in: context)
                if y + gap + height <= bottom {
                    if item.keepWithNext, !page.items.isEmpty, queue.count > 1 {
                        let next = queue[queue.index(after: queue.startIndex)]
                        let nextHeight = try next.block.height(width: width, in: context)
                        let nextTop = y + gap + height + context.space(next.spaceBefore)
                        var nextFits = nextTop + nextHeight <= bottom
                        if !nextFits, !next.keepTogether, nextTop + minimumSplitHeight <= bottom {
                            nextFits = try next.block.split(width: width, maxHeight: bottom - nextTop, in: context) != nil
                        }
                        if !nextFits { break }
                    }
                    page.items.append((item.block, y + gap, height))
                    y += gap + height
                    queue.removeFirst()
                    continue
                }
                let room = bottom - y - gap
                let mayBreak = page.items.isEmpty || !item.keepTogether
                if mayBreak, room >= minimumSplitHeight || page.items.isEmpty,
                   let (head, tail) = try item.block.split(width: width, maxHeight: room, in: context) {
                    let headHeight = try head.height(width: width, in: context)
                    page.items.append((head, y + gap, headHeight))
                    queue[queue.startIndex] = FlowItem(block: tail, spaceBefore: item.spaceBefore, keepWithNext: item.keepWithNext, keepTogether: item.keepTogether)
                    break
                }
                if page.items.isEmpty {
                    throw LayoutError(description: "an item is \(Int(height)) pt tall and cannot be broken to fit a page of \(Int(bottom - top)) pt; use a larger paper")
                }
                break
            }
            pages.append(page)
            if pages.count > 500 {
                throw LayoutError(description: "the routine needs more than 500 pages; split it into smaller routines")
            }
        }
        return pages
    }
}
