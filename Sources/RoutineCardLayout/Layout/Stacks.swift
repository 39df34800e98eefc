import RoutineCardModel

/// Blocks one above the other with glue between them.
struct VStack: Block {
    var children: [Block]
    var spacing: Glue
    /// Whether a break may leave the first or last child alone (boxes one under the other); not
    /// when they belong with the rest (an exercise's name over its steps, a caution under them).
    var firstMayStandAlone = false

    func height(width: Double, in context: LayoutContext) throws -> Double {
        guard !children.isEmpty else { return 0 }
        var total = context.space(spacing) * Double(children.count - 1)
        for child in children { total += try child.height(width: width, in: context) }
        return total
    }

    func place(in frame: Rect, in context: LayoutContext, into elements: inout [PlacedElement]) throws {
        var y = frame.y
        let gap = context.space(spacing)
        for child in children {
            let height = try child.height(width: frame.width, in: context)
            try child.place(in: Rect(x: frame.x, y: y, width: frame.width, height: height), in: context, into: &elements)
            y += height + gap
        }
    }

    func split(width: Double, maxHeight: Double, in context: LayoutContext) throws -> (Block, Block)? {
        let gap = context.space(spacing)
        var y = 0.0
        for (index, child) in children.enumerated() {
            let top = index == 0 ? 0 : y + gap
            let height = try child.height(width: width, in: context)
            if top + height <= maxHeight {
                y = top + height
                continue
            }
            if let (head, tail) = try child.split(width: width, maxHeight: maxHeight - top, in: context) {
                return (
                    VStack(children: Array(children[..<index]) + [head], spacing: spacing, firstMayStandAlone: firstMayStandAlone),
                    VStack(children: [tail] + children[(index + 1)...], spacing: spacing, firstMayStandAlone: firstMayStandAlone)
                )
            }
            // Never the first child alone (a name or a title) at the foot of a column, nor the last
            // alone at the head of the next (a caution away from what it warns about), unless
            // something too tall for any column must break somewhere.
            let strict = context.splitLines > 1 && !firstMayStandAlone
            guard index > (strict ? 1 : 0), !(strict && index == children.count - 1) else { return nil }
            return (
                VStack(children: Array(children[..<index]), spacing: spacing, firstMayStandAlone: firstMayStandAlone),
                VStack(children: Array(children[index...]), spacing: spacing, firstMayStandAlone: firstMayStandAlone)
            )
        }
        return nil
    }
}

/// Blocks side by side, top-aligned. Each column is a fixed width or a share of what is left.
struct HStack: Block {
    enum Width {
        case fixed(Double)
        /// A fixed width that grows and shrinks with the type (beside a number badge, a bullet).
        case withType(Double)
        /// A fixed width that grows with the drawings (``LayoutContext/pictureScale``).
        case withPictures(Double)
        case flexible(Double)
    }

    var columns: [(block: Block, width: Width)]
    var spacing: Double
    /// When true every column is placed at the row's full height (boxes in a row line up).
    var equalHeights = false

    func widths(_ total: Double, in context: LayoutContext) -> [Double] {
        let typeFactor = context.theme.typeScale * context.typeScale
        let fixed = columns.reduce(0.0) {
            switch $1.width {
            case .fixed(let w): $0 + w
            case .withType(let w): $0 + w * typeFactor
            case .withPictures(let w): $0 + w * context.pictureScale
            case .flexible: $0
            }
        }
        let weights = columns.reduce(0.0) { if case .flexible(let w) = $1.width { $0 + w } else { $0 } }
        let free = max(0, total - fixed - spacing * Double(max(0, columns.count - 1)))
        return columns.map {
            switch $0.width {
            case .fixed(let w): w
            case .withType(let w): w * typeFactor
            case .withPictures(let w): w * context.pictureScale
            case .flexible(let w): weights > 0 ? free * w / weights : 0
            }
        }
    }

    func height(width: Double, in context: LayoutContext) throws -> Double {
        var tallest = 0.0
        for (column, w) in zip(columns, widths(width, in: context)) {
            tallest = max(tallest, try column.block.height(width: w, in: context))
        }
        return tallest
    }

    func place(in frame: Rect, in context: LayoutContext, into elements: inout [PlacedElement]) throws {
        var x = frame.x
        for (column, w) in zip(columns, widths(frame.width, in: context)) {
            let height = equalHeights ? frame.height : try column.block.height(width: w, in: context)
            try column.block.place(in: Rect(x: x, y: frame.y, width: w, height: height), in: context, into: &elements)
            x += w + spacing
        }
    }

    func split(width: Double, maxHeight: Double, in context: LayoutContext) throws -> (Block, Block)? {
        var heads: [(block: Block, width: Width)] = [], tails: [(block: Block, width: Width)] = []
        var anySplit = false
        for (column, w) in zip(columns, widths(width, in: context)) {
            if try column.block.height(width: w, in: context) <= maxHeight {
                heads.append(column)
                tails.append((Spacer(fixedHeight: 0), column.width))
            } else if let (head, tail) = try column.block.split(width: w, maxHeight: maxHeight, in: context) {
                heads.append((head, column.width))
                tails.append((tail, column.width))
                anySplit = true
            } else {
                return nil
            }
        }
        guard anySplit else { return nil }
        return (
            HStack(columns: heads, spacing: spacing, equalHeights: equalHeights),
            HStack(columns: tails, spacing: spacing, equalHeights: equalHeights)
        )
    }
}

/// A block inside padding, with an optional filled and/or outlined background.
struct Box: Block {
    var child: Block
    var padding: EdgeInsets
    var fill: Color?
    var stroke: Color?
    var lineWidth = 0.75
    var cornerRadius = 4.0
    /// How far the fill reaches past the frame (into the margins and the bleed); nil keeps it inside.
    var bleed: EdgeInsets? = nil

    func height(width: Double, in context: LayoutContext) throws -> Double {
        try child.height(width: width - padding.left - padding.right, in: context) + padding.top + padding.bottom
    }

    func place(in frame: Rect, in context: LayoutContext, into elements: inout [PlacedElement]) throws {
        if let bleed, let fill {
            let band = Rect(
                x: frame.x - bleed.left, y: frame.y - bleed.top,
                width: frame.width + bleed.left + bleed.right, height: frame.height + bleed.top + bleed.bottom)
            elements.append(.shape(PlacedShape(kind: .rectangle(cornerRadius: 0), frame: band, fill: fill, isBackground: true)))
        } else if fill != nil || stroke != nil {
            // Keep the outline's ink inside the frame.
            let inset = stroke == nil ? 0 : lineWidth / 2
            elements.append(
                .shape(
                    PlacedShape(
                        kind: .rectangle(cornerRadius: cornerRadius), frame: frame.insetBy(inset),
                        fill: fill, stroke: stroke, lineWidth: stroke == nil ? 0 : lineWidth
                    )))
        }
        let inner = Rect(
            x: frame.x + padding.left, y: frame.y + padding.top,
            width: frame.width - padding.left - padding.right, height: frame.height - padding.top - padding.bottom
        )
        try child.place(in: inner, in: context, into: &elements)
    }

    func split(width: Double, maxHeight: Double, in context: LayoutContext) throws -> (Block, Block)? {
        let inner = width - padding.left - padding.right
        guard let (head, tail) = try child.split(width: inner, maxHeight: maxHeight - padding.top - padding.bottom, in: context) else {
            return nil
        }
        var first = self, second = self
        first.child = head
        second.child = tail
        return (first, second)
    }
}

/// Two blocks side by side (same height) when the width allows each `minimumWidth` at the
/// current type size, otherwise one above the other.
struct PairOrStack: Block {
    var first: Block
    var second: Block
    var minimumWidth: Double
    var spacing: Double

    private func arrangement(_ width: Double, _ context: LayoutContext) -> Block {
        let typeFactor = context.theme.typeScale * context.typeScale
        if width >= minimumWidth * typeFactor {
            return HStack(columns: [(first, .flexible(1)), (second, .flexible(1))], spacing: spacing, equalHeights: true)
        }
        return VStack(children: [first, second], spacing: Glue(spacing, min: spacing / 2), firstMayStandAlone: true)
    }

    func height(width: Double, in context: LayoutContext) throws -> Double {
        try arrangement(width, context).height(width: width, in: context)
    }

    func place(in frame: Rect, in context: LayoutContext, into elements: inout [PlacedElement]) throws {
        try arrangement(frame.width, context).place(in: frame, in: context, into: &elements)
    }

    /// One under the other, they break between or inside them; side by side, only when nothing
    /// else will do (each box's text would read on into the other's on the next card).
    func split(width: Double, maxHeight: Double, in context: LayoutContext) throws -> (Block, Block)? {
        let arranged = arrangement(width, context)
        if arranged is HStack, context.splitLines > 1 { return nil }
        return try arranged.split(width: width, maxHeight: maxHeight, in: context)
    }
}
