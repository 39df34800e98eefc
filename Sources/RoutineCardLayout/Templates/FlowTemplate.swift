import RoutineCardModel

/// The fridge card and the sheet handout: a title band, then the sections flowing down the columns,
/// then a one-line disclaimer at the foot of every page.
///
/// Fridge: large type on one A6 card, steps run together, doses prominent.
/// Sheet: a full page with every step numbered, two columns where the page is wide enough.
struct FlowTemplate {
    let blocks: CardBlocks

    init(routine: Routine, options: CardOptions, theme: Theme, inputs: HandoutInputs = .none) {
        let style: TemplateStyle = options.template == .sheet ? .sheet(options: options) : .fridge(options: options)
        blocks = CardBlocks(routine: routine, options: options, theme: theme, style: style, inputs: inputs)
    }

    var style: TemplateStyle { blocks.style }
    var bodySpec: TextSpec { blocks.bodySpec }
    func s(_ value: Double) -> Double { blocks.s(value) }

    func content() -> CardContent {
        let options = blocks.options, routine = blocks.routine
        var items: [FlowItem] = []
        if !style.noteInHeader, let note = options.personal.note {
            items.append(FlowItem(block: blocks.noteBox(note), spaceBefore: Glue(s(8))))
        }
        let first = Glue(s(4), min: s(2))
        for section in routine.sections {
            // "When to get help" is a box with its own title, not a section under a heading.
            if case .help(let advice) = section.content {
                items.append(FlowItem(block: blocks.helpBox(advice, title: section.title), spaceBefore: Glue(s(9), min: s(4)), keepWhole: true))
                continue
            }
            let title = section.title ?? blocks.labels.title(for: section.content.kind)
            items.append(FlowItem(block: blocks.heading(title), spaceBefore: Glue(s(9), min: s(4)), keepWithNext: true))
            switch section.content {
            case .exercises(let exercises):
                for (index, exercise) in exercises.enumerated() {
                    items.append(
                        FlowItem(
                            // Numbered across the routine, so two sections' exercises are two lists.
                            block: ListItemMark(child: blocks.exerciseRow(exercise, number: index + 1), item: items.count),
                            spaceBefore: index == 0 ? first : Glue(s(6), min: s(2.5))))
                }
            case .therapy(let therapies):
                for row in blocks.therapyRows(therapies) {
                    items.append(FlowItem(block: row, spaceBefore: first))
                }
            case .tips(let tips):
                for (index, tip) in tips.enumerated() {
                    items.append(
                        FlowItem(block: blocks.bullet(tip.text, icon: tip.icon, link: tip.link), spaceBefore: index == 0 ? first : Glue(s(2), min: s(0.5))))
                }
            case .notes(let notes):
                for (index, note) in notes.enumerated() {
                    items.append(
                        FlowItem(
                            block: TextBlock(markdown: note, bodySpec),
                            spaceBefore: index == 0 ? first : Glue(s(4), min: s(2)), keepTogether: false))
                }
            case .help:
                break
            }
        }
        if options.tracker {
            if blocks.trackerHasTitle {
                items.append(FlowItem(block: blocks.tracker(), spaceBefore: Glue(s(9), min: s(4))))
            } else {
                items.append(FlowItem(block: blocks.heading(blocks.labels.tracker), spaceBefore: Glue(s(9), min: s(4)), keepWithNext: true))
                items.append(FlowItem(block: blocks.tracker(), spaceBefore: first))
            }
        }
        if let diary = blocks.diary() {
            items.append(FlowItem(block: blocks.heading(blocks.handout.diary), spaceBefore: Glue(s(9), min: s(4)), keepWithNext: true))
            items.append(FlowItem(block: diary, spaceBefore: first))
        }
        return CardContent(
            header: blocks.header(), continuedHeader: blocks.continuedHeader(), items: items,
            footer: { page, total in blocks.footer(page: page, total: total) },
            headerGap: Glue(s(9), min: s(4)), footerGap: Glue(s(6), min: s(3)), background: blocks.theme.page,
            columns: style.columns, columnGap: style.columnGap, maxGrowth: style.maxGrowth,
            maxPictureGrowth: style.maxPictureGrowth, filler: style.notesArea ? { blocks.notesArea(height: $0) } : nil
        )
    }
}
