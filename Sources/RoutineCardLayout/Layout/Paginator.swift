import RoutineCardModel

/// Breaks flowing items into pages and columns: whole items where they fit, split items where one
/// is taller than the room left, headings kept with what follows. Columns fill left to right.
struct Paginator {
    let content: CardContent
    let safeArea: Rect
    let context: LayoutContext
    /// The share of a page's flow area (between header and footer) that items may use on the
    /// first ``limitedPages`` pages: below 1 to move content onto a last card that would be a stub.
    var heightLimit = 1.0
    var limitedPages = Int.max

    /// How full a card's last column should be before what does not fit there moves on whole.
    static let fullEnough = 0.7

    /// The smallest first part worth leaving at the bottom of a column when splitting an item.
    private var minimumSplitHeight: Double { 36 }

    private var columnWidth: Double {
        let count = Double(content.columns)
        return (safeArea.width - content.columnGap * (count - 1)) / count
    }

    /// Pages for the content. The footer of a single page may be shorter (no page numbers), so a
    /// layout that needs more pages is redone with the taller footer.
    func paginate() throws -> [PagePlan] {
        let single = try paginate(footerHeight: content.footer(1, 1).height(width: safeArea.width, in: context))
        guard single.count > 1 else { return single }
        // A footer may differ on the last page (a wallet card's disclaimer): keep room for the taller.
        let first = try content.footer(1, 2).height(width: safeArea.width, in: context)
        let last = try content.footer(2, 2).height(width: safeArea.width, in: context)
        return try paginate(footerHeight: max(first, last))
    }

    private func paginate(footerHeight: Double) throws -> [PagePlan] {
        let width = columnWidth
        let bottom = safeArea.maxY - footerHeight - context.space(content.footerGap)
        var queue = content.items[...]
        var pages: [PagePlan] = []

        while !queue.isEmpty || pages.isEmpty {
            let header = pages.isEmpty ? content.header : content.continuedHeader
            let top = safeArea.minY + (try header.height(width: safeArea.width, in: context)) + context.space(content.headerGap)
            let bottom = heightLimit < 1 && pages.count < limitedPages ? top + (bottom - top) * heightLimit : bottom
            let remaining = queue
            var page = try fillPage(header: header, queue: &queue, top: top, bottom: bottom, width: width)
            if queue.isEmpty, content.columns > 1 {
                page = try balanced(header: header, items: remaining, top: top, bottom: bottom, width: width) ?? page
            }
            pages.append(page)
            if pages.count > 500 {
                throw LayoutError(description: "the routine needs more than 500 pages; split it into smaller routines")
            }
        }
        return pages
    }

    private func fillPage(header: Block, queue: inout ArraySlice<FlowItem>, top: Double, bottom: Double, width: Double) throws -> PagePlan {
        var page = PagePlan(header: header, items: [])
        for column in 0..<content.columns where !queue.isEmpty {
            let x = safeArea.minX + Double(column) * (width + content.columnGap)
            try fill(&queue, into: &page, x: x, top: top, bottom: bottom, width: width, endsPage: column == content.columns - 1)
        }
        return page
    }

    /// The last page with its columns evened out: the shortest column height that still holds
    /// everything, so a short routine does not fill the left column and leave the right one empty.
    private func balanced(header: Block, items: ArraySlice<FlowItem>, top: Double, bottom: Double, width: Double) throws -> PagePlan? {
        var low = top, high = bottom
        var best: PagePlan?
        for _ in 0..<12 {
            let middle = (low + high) / 2
            var queue = items
            let page = try? fillPage(header: header, queue: &queue, top: top, bottom: middle, width: width)
            if let page, queue.isEmpty {
                best = page
                high = middle
            } else {
                low = middle
            }
        }
        return best
    }

    /// Places items from the front of `queue` into one column of a page.
    /// `endsPage`: this is the page's last column, so what does not fit goes to the next card (a
    /// column before it hands on to the column beside it, where a box moved whole reads on at once).
    private func fill(
        _ queue: inout ArraySlice<FlowItem>, into page: inout PagePlan, x: Double, top: Double, bottom: Double, width: Double, endsPage: Bool
    ) throws {
        // Under ``fullEnough`` at the end of a card, even an item kept together may break.
        func tooEmpty(_ y: Double) -> Bool { endsPage && y - top < (bottom - top) * Self.fullEnough }
        var y = top
        var placedHere = 0
        // A heading at the top of the column: what follows cannot do better elsewhere, so it may break.
        var headingOpensColumn = false
        while let item = queue.first {
            let gap = placedHere == 0 ? 0 : context.space(item.spaceBefore)
            let height = try item.block.height(width: width, in: context)
            if y + gap + height <= bottom {
                // A heading goes to the next column or page unless what follows fits under it here.
                // (At the top of an empty page it must stay, or nothing would ever be placed.)
                if item.keepWithNext, !page.items.isEmpty, queue.count > 1 {
                    let next = queue[queue.index(after: queue.startIndex)]
                    let nextHeight = try next.block.height(width: width, in: context)
                    let nextTop = y + gap + height + context.space(next.spaceBefore)
                    var nextFits = nextTop + nextHeight <= bottom
                    // Something taller than a whole column is split wherever it starts: start it here.
                    // (The same test the next item meets once the heading is placed.)
                    let mustSplit =
                        !next.keepTogether || nextHeight > bottom - top
                        || (!next.keepWhole && tooEmpty(y + gap + height))
                    if !nextFits, mustSplit, nextTop + minimumSplitHeight <= bottom {
                        nextFits = try next.block.split(width: width, maxHeight: bottom - nextTop, in: context) != nil
                    }
                    if !nextFits { return }
                }
                page.items.append(PlacedItem(block: item.block, frame: Rect(x: x, y: y + gap, width: width, height: height)))
                headingOpensColumn = placedHere == 0 && item.keepWithNext
                y += gap + height
                placedHere += 1
                queue.removeFirst()
                continue
            }
            let room = bottom - y - gap
            // An item kept together may still break rather than leave this column under
            // ``fullEnough`` (a card that is mostly blank before its continuation).
            let mayBreak =
                placedHere == 0 || !item.keepTogether || height > bottom - top || (headingOpensColumn && placedHere == 1)
                || (!item.keepWhole && tooEmpty(y))
            // Something taller than a whole column must break somewhere, even leaving one line; it
            // starts a fresh column for that unless a proper break fits here.
            let mustBreak = placedHere == 0
            if mayBreak, room >= minimumSplitHeight || placedHere == 0 || headingOpensColumn,
                let (head, tail) = try item.block.split(width: width, maxHeight: room, in: context)
                    ?? (mustBreak ? item.block.split(width: width, maxHeight: room, in: context.allowingSingleLineSplits()) : nil)
            {
                let headHeight = try head.height(width: width, in: context)
                page.items.append(PlacedItem(block: head, frame: Rect(x: x, y: y + gap, width: width, height: headHeight)))
                var rest = item
                rest.block = tail
                queue[queue.startIndex] = rest
                return
            }
            if placedHere == 0 {
                if bottom - top < height, bottom - top < safeArea.height / 4 {
                    throw LayoutError(
                        description: "the title, subtitle and footer leave only \(Int(max(0, bottom - top))) pt of the card for the routine; "
                            + "shorten the title or subtitle, or use a larger paper")
                }
                throw LayoutError(
                    description: "an item is \(Int(height)) pt tall and cannot be broken to fit a column of \(Int(bottom - top)) pt; use a larger paper")
            }
            return
        }
    }
}
