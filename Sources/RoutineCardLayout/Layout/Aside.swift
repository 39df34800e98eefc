import RoutineCardModel

/// A line with a short aside set flush right beside it ("Leg Cramp Relief ……… For Sam · 26 Nov"),
/// in up to two lines of its own, when they fit beside each other; the aside under it when they do
/// not. For details that should not cost a line on a card with no room to spare.
struct Aside: Block {
    var main: TextBlock
    /// Set right-aligned; its parts should be held together with no-break spaces.
    var aside: TextBlock
    /// The least space between them on one line, and between them when stacked.
    var gap: Double

    /// The aside's width when it goes beside the main line, or nil when it goes under it.
    private func besideWidth(_ width: Double, in context: LayoutContext) throws -> Double? {
        let wide = 10_000.0
        let main = try self.main.metrics(width: wide, in: context)
        guard main.lineCount == 1 else { return nil }
        let room = width - main.width - gap
        let natural = try aside.metrics(width: wide, in: context).width
        if natural <= room { return natural }
        // Two short lines beside a large title take no more height than the title.
        guard room >= width * 0.3 else { return nil }
        let wrapped = try aside.metrics(width: room, in: context)
        return wrapped.lineCount <= 2 && wrapped.height <= main.height * 1.25 ? room : nil
    }

    func height(width: Double, in context: LayoutContext) throws -> Double {
        let mainHeight = try main.height(width: width, in: context)
        if let beside = try besideWidth(width, in: context) {
            return max(mainHeight, try aside.height(width: beside, in: context))
        }
        return mainHeight + gap + (try aside.height(width: width, in: context))
    }

    func place(in frame: Rect, in context: LayoutContext, into elements: inout [PlacedElement]) throws {
        let mainHeight = try main.height(width: frame.width, in: context)
        if let beside = try besideWidth(frame.width, in: context) {
            let asideHeight = try aside.height(width: beside, in: context)
            // Both sit on the same bottom line; the taller one sets the row's height.
            let bottom = frame.y + max(mainHeight, asideHeight)
            let mainWidth = frame.width - beside - gap
            try main.place(in: Rect(x: frame.x, y: bottom - mainHeight, width: mainWidth, height: mainHeight), in: context, into: &elements)
            try aside.place(in: Rect(x: frame.maxX - beside, y: bottom - asideHeight, width: beside, height: asideHeight), in: context, into: &elements)
        } else {
            try main.place(in: Rect(x: frame.x, y: frame.y, width: frame.width, height: mainHeight), in: context, into: &elements)
            let asideHeight = try aside.height(width: frame.width, in: context)
            try aside.place(
                in: Rect(x: frame.x, y: frame.y + mainHeight + gap, width: frame.width, height: asideHeight), in: context, into: &elements)
        }
    }
}
