import RoutineCardModel

/// Turns routines into placed pages, measuring text through a ``TextMeasuring``: picks the
/// template (Templates/), which builds blocks from the primitives (Layout/), fits and places them.
/// It sits above both folders, so that the primitives never refer to a template.
package struct LayoutEngine {
    let measurer: any TextMeasuring

    package init(measurer: any TextMeasuring) { self.measurer = measurer }

    /// - Parameter inputs: the QR codes and logo shape the card's handout parts need (see ``HandoutInputs``).
    package func layout(_ routine: Routine, options: CardOptions, inputs: HandoutInputs = .none) throws -> CardLayout {
        let theme = options.resolvedTheme
        let size = options.pageSize
        let margin = options.effectiveMargin
        guard margin >= 0, margin * 2 < min(size.width, size.height) - 36 else {
            throw LayoutError(description: "a margin of \(margin.formatted(decimals: 1)) pt leaves no room on a \(options.paper) page")
        }
        guard options.bleed >= 0, options.bleed <= Units.mm(20) else {
            throw LayoutError(description: "a bleed must be between 0 and 20 mm")
        }
        let safeArea = Rect(x: 0, y: 0, width: size.width, height: size.height).insetBy(margin)

        switch options.template {
        case .fridge, .sheet:
            let template = FlowTemplate(routine: routine, options: options, theme: theme, inputs: inputs)
            let context = LayoutContext(measurer: measurer, theme: theme, bodyFloor: template.style.bodyFloor, language: routine.language)
            let (pages, adjustments) = try fitAndPlace(template.content(), bodySpec: template.bodySpec, safeArea: safeArea, options: options, context: context)
            return CardLayout(routineID: routine.id, pages: pages, adjustments: adjustments)
        case .wallet:
            guard !options.tracker else {
                throw RoutineCardError(.invalidOption, "the wallet card has no room for a week's tracker; use the fridge or sheet template for one")
            }
            guard !options.diary else {
                throw RoutineCardError(.invalidOption, "the wallet card has no room for a week's symptom diary; use the fridge or sheet template for one")
            }
            let template = WalletTemplate(routine: routine, options: options, theme: theme, inputs: inputs)
            let floor = template.blocks.style.bodyFloor
            let (fronts, frontAdjustments) = try fitAndPlace(
                template.front(), bodySpec: template.bodySpec, safeArea: safeArea, options: options,
                context: LayoutContext(measurer: measurer, theme: theme, bodyFloor: floor, language: routine.language))
            let (backs, backAdjustments) = try fitAndPlace(
                template.back(), bodySpec: template.bodySpec, safeArea: safeArea, options: options,
                context: LayoutContext(measurer: measurer, theme: theme, bodyFloor: floor, language: routine.language))
            guard fronts.count == 1, backs.count == 1 else {
                // One side runs on: flow both sides' content together, so that no side is left
                // blank beside the other's continuation, and number the sides once.
                let (pages, adjustments) = try fitAndPlace(
                    template.bothSides(), bodySpec: template.bodySpec, safeArea: safeArea, options: options,
                    context: LayoutContext(measurer: measurer, theme: theme, bodyFloor: floor, language: routine.language))
                var layout = CardLayout(routineID: routine.id, pages: pages, adjustments: adjustments)
                layout.isWallet = true
                layout.sidesFlowTogether = true
                return layout
            }
            // Fronts and backs alternate so that each back prints behind its front in duplex.
            var pages: [PlacedPage] = []
            for index in 0..<max(fronts.count, backs.count) {
                let blank = PlacedPage(size: size, bleed: options.bleed, safeArea: safeArea, background: theme.page, elements: [])
                pages.append(index < fronts.count ? fronts[index] : blank)
                pages.append(index < backs.count ? backs[index] : blank)
            }
            var layout = CardLayout(routineID: routine.id, pages: pages, adjustments: frontAdjustments, backAdjustments: backAdjustments)
            layout.isWallet = true
            return layout
        }
    }

    /// The least room, in points, worth ruling for notes (a heading and three lines).
    static let smallestFiller = 100.0

    /// Fits the content (spacing, then type, then pages) and places every block.
    private func fitAndPlace(
        _ content: CardContent, bodySpec: TextSpec, safeArea: Rect, options: CardOptions, context: LayoutContext
    ) throws -> ([PlacedPage], [LayoutAdjustment]) {
        let fitted = try Fitter(content: content, safeArea: safeArea, context: context, bodySpec: bodySpec).fit()
        let context = fitted.context
        var pages: [PlacedPage] = []
        let width = safeArea.width
        for (index, plan) in fitted.pages.enumerated() {
            var elements: [PlacedElement] = []
            let headerHeight = try plan.header.height(width: width, in: context)
            try plan.header.place(in: Rect(x: safeArea.x, y: safeArea.y, width: width, height: headerHeight), in: context, into: &elements)
            for item in plan.items {
                try item.block.place(in: item.frame, in: context, into: &elements)
            }
            let footer = content.footer(index + 1, fitted.pages.count)
            let footerHeight = try footer.height(width: width, in: context)
            // Room left under the last page's items goes to the filler (ruled lines for notes on a
            // handout) when it is enough to write a few lines in: across every column, or else
            // under the column with the most room.
            if index == fitted.pages.count - 1, let filler = content.filler {
                let bottom = safeArea.maxY - footerHeight - context.space(content.footerGap)
                let gap = context.space(content.headerGap)
                let empty = safeArea.y + headerHeight
                var places = [Rect(x: safeArea.x, y: (plan.items.map(\.frame.maxY).max() ?? empty) + gap, width: width, height: 0)]
                for column in Dictionary(grouping: plan.items, by: { ($0.frame.minX * 10).rounded() }).values where content.columns > 1 {
                    guard let first = column.first else { continue }
                    places.append(Rect(x: first.frame.minX, y: (column.map(\.frame.maxY).max() ?? empty) + gap, width: first.frame.width, height: 0))
                }
                let roomy = places.map { Rect(x: $0.x, y: $0.y, width: $0.width, height: bottom - $0.y) }.filter { $0.height >= Self.smallestFiller }
                // The full width when it is roomy enough; else the tallest column's foot.
                if let place = roomy.first.flatMap({ $0.width == width ? $0 : nil }) ?? roomy.max(by: { $0.height < $1.height }) {
                    try filler(place.height).place(in: place, in: context, into: &elements)
                }
            }
            try footer.place(in: Rect(x: safeArea.x, y: safeArea.maxY - footerHeight, width: width, height: footerHeight), in: context, into: &elements)
            // Backgrounds first, so that a band running into the bleed never covers text.
            let ordered = elements.filter(PlacedPage.isBackground) + elements.filter { !PlacedPage.isBackground($0) }
            pages.append(PlacedPage(size: options.pageSize, bleed: options.bleed, safeArea: safeArea, background: content.background, elements: ordered))
        }
        return (pages, fitted.adjustments)
    }
}
