import RoutineCardModel

/// One unit of the flowing content: kept whole on a page unless it is taller than a page.
struct FlowItem {
    var block: Block
    /// Space above the item when something precedes it on the page.
    var spaceBefore: Glue
    /// Headings stay on the same page as what follows them.
    var keepWithNext = false
    /// Kept whole on one page unless it alone is taller than a page (an exercise, a pair of boxes).
    /// Paragraphs of notes may break anywhere between lines.
    var keepTogether = true
    /// Kept whole even where breaking it would fill a card better: safety advice reads as one
    /// piece. Only an item taller than a page breaks.
    var keepWhole = false
}

/// What a template makes of a routine: a header, the flowing items and a footer per page.
struct CardContent {
    /// The first page's header.
    var header: Block
    /// The header of every later page ("Title — continued").
    var continuedHeader: Block
    var items: [FlowItem]
    /// The footer of page `page` (1-based) of `total`. Its height may change with `total > 1` only.
    var footer: (_ page: Int, _ total: Int) -> Block
    /// Space between the header and the first item, and between the last item and the footer.
    var headerGap: Glue
    var footerGap: Glue
    var background: Color
    /// How many columns the items flow through, and the space between them.
    var columns = 1
    var columnGap = 0.0
    /// How much larger than designed the type may grow to fill a page that has room (1: never).
    var maxGrowth = 1.0
    /// How much larger the exercise drawings may grow once the type has grown all it may (1: never).
    var maxPictureGrowth = 1.0
    /// What fills the room left under the last page's items (ruled lines for notes), given that
    /// room's height; nil leaves it empty.
    var filler: ((_ height: Double) -> Block)? = nil
}

/// A block and the frame it was given.
struct PlacedItem {
    var block: Block
    var frame: Rect
}

/// Where items go on one page.
struct PagePlan {
    var header: Block
    var items: [PlacedItem]
}

/// The content does not fit even when broken across pages.
package struct LayoutError: Error, Sendable, CustomStringConvertible {
    package var description: String
}
