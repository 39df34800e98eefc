/// A routine laid out as pages, with what the fitter had to do.
public struct CardLayout: Hashable, Sendable, Codable {
    public var routineID: String
    public var pages: [PlacedPage]
    /// What was done to make the content fit ("shrunk body text to 8.5 pt", "continued on 2 pages").
    public var notes: [String]
}

/// Turns routines into placed pages, measuring text through a ``TextMeasuring``.
struct LayoutEngine {
    let measurer: any TextMeasuring

    func layout(_ routine: Routine, options: CardOptions) throws -> CardLayout {
        var theme = Theme.named(options.theme)
        if let family = options.fontFamily { theme.fontFamily = family }
        let context = LayoutContext(measurer: measurer, theme: theme)
        let size = options.pageSize
        let margin = options.effectiveMargin
        guard margin >= 0, margin * 2 < min(size.width, size.height) - 36 else {
            throw LayoutError(description: "a margin of \(margin.formatted(decimals: 1)) pt leaves no room on a \(options.paper) page")
        }
        let safeArea = Rect(x: 0, y: 0, width: size.width, height: size.height).insetBy(margin)
        let template = FridgeTemplate(routine: routine, options: options, theme: theme)
        let content = template.content()
        let fitted = try Fitter(content: content, safeArea: safeArea, context: context, bodySpec: template.bodySpec).fit()

        var pages: [PlacedPage] = []
        let width = safeArea.width
        for (index, plan) in fitted.pages.enumerated() {
            var elements = content.decorations(index + 1, size)
            let headerHeight = try plan.header.height(width: width, in: context)
            try plan.header.place(in: Rect(x: safeArea.x, y: safeArea.y, width: width, height: headerHeight), in: context, into: &elements)
            for item in plan.items {
                try item.block.place(in: Rect(x: safeArea.x, y: item.y, width: width, height: item.height), in: context, into: &elements)
            }
            let footer = content.footer(index + 1, fitted.pages.count)
            let footerHeight = try footer.height(width: width, in: context)
            try footer.place(in: Rect(x: safeArea.x, y: safeArea.maxY - footerHeight, width: width, height: footerHeight), in: context, into: &elements)
            pages.append(PlacedPage(size: size, safeArea: safeArea, background: content.background, elements: elements))
        }
        return CardLayout(routineID: routine.id, pages: pages, notes: fitted.notes)
    }
}
