import RoutineCardModel

/// The wallet card (85.6 × 54 mm): names and doses on the front, therapy and habits on the back.
/// Each side is fitted on its own; when a side needs more cards, fronts and backs alternate so
/// that duplex printing keeps them together.
struct WalletTemplate {
    let blocks: CardBlocks

    init(routine: Routine, options: CardOptions, theme: Theme) {
        let page = options.pageSize
        let scale = min(max(min(page.width / Paper.wallet.width, page.height / Paper.wallet.height), 0.8), 4)
        let style = TemplateStyle(
            scale: scale, title: 10, subtitle: 6.5, frequency: 7, heading: 6.5, name: 7.5, dose: 7,
            body: 7, therapyName: 7.5, footer: 5.5, badge: 9, bodyFloor: 6, numberedSteps: false,
            columns: 1, columnGap: 0)
        blocks = CardBlocks(routine: routine, options: options, theme: theme, style: style)
    }

    var bodySpec: TextSpec { blocks.bodySpec }
    func s(_ value: Double) -> Double { blocks.s(value) }

    private var theme: Theme { blocks.theme }
    private var labels: Labels { blocks.labels }
    private var routine: Routine { blocks.routine }

    func front() -> CardContent {
        var items: [FlowItem] = []
        var number = 0
        for section in routine.sections {
            guard case .exercises(let exercises) = section.content else { continue }
            for exercise in exercises {
                number += 1
                items.append(FlowItem(block: line(number: number, exercise), spaceBefore: Glue(s(2.5), min: s(1))))
            }
        }
        if items.isEmpty, let frequency = routine.frequency {
            items.append(FlowItem(block: TextBlock(markdown: frequency.text, bodySpec), spaceBefore: .zero))
        }
        let title = TextBlock(markdown: routine.title, TextSpec(size: s(blocks.style.title), bold: true, color: theme.accent, role: .title))
        var headerLines: [Block] = [title]
        if let frequency = routine.frequency {
            headerLines.append(TextBlock(markdown: frequency.text, TextSpec(size: s(blocks.style.frequency), bold: true, color: theme.text, role: .subtitle)))
        }
        if let personal = blocks.personalLine() {
            headerLines.append(TextBlock(plain: personal, TextSpec(size: s(blocks.style.subtitle), color: theme.muted, role: .subtitle)))
        }
        headerLines.append(Rule(color: theme.accent, thickness: s(0.8)))
        return content(header: VStack(children: headerLines, spacing: Glue(s(1.5), min: s(0.5))), items: items, footer: false)
    }

    func back() -> CardContent {
        var items: [FlowItem] = []
        for section in routine.sections {
            switch section.content {
            case .exercises:
                continue
            case .therapy(let therapies):
                for therapy in therapies {
                    items.append(FlowItem(block: therapyLine(therapy), spaceBefore: Glue(s(2.5), min: s(1))))
                }
            case .tips(let tips):
                for tip in tips { items.append(FlowItem(block: blocks.bullet(tip.text), spaceBefore: Glue(s(2), min: s(0.5)))) }
            case .notes(let notes):
                for note in notes {
                    items.append(FlowItem(block: TextBlock(markdown: note, bodySpec), spaceBefore: Glue(s(2), min: s(0.5)), keepTogether: false))
                }
            }
        }
        let title = TextBlock(plain: EmphasisParser.parse(routine.title).plain, TextSpec(size: s(7), bold: true, color: theme.accent, role: .heading))
        let header = VStack(children: [title, Rule(color: theme.accent, thickness: s(0.6))], spacing: Glue(s(1.5), min: s(0.5)))
        return content(header: header, items: items, footer: true)
    }

    private func content(header: Block, items: [FlowItem], footer: Bool) -> CardContent {
        let continued = TextBlock(
            plain: "\(EmphasisParser.parse(routine.title).plain) (\(labels.continued))",
            TextSpec(size: s(7), bold: true, color: theme.accent, role: .heading))
        return CardContent(
            header: header, continuedHeader: continued, items: items,
            footer: { page, total in
                var lines: [Block] = []
                if footer {
                    lines.append(
                        TextBlock(
                            markdown: routine.disclaimer ?? labels.notMedicalAdvice,
                            TextSpec(size: s(blocks.style.footer), color: theme.muted, role: .footer, alignment: .center)))
                }
                if total > 1 {
                    lines.append(
                        TextBlock(
                            plain: labels.page(page, of: total), TextSpec(size: s(blocks.style.footer), color: theme.muted, role: .footer, alignment: .center)))
                }
                return VStack(children: lines, spacing: Glue(s(1), min: s(0.5)))
            },
            headerGap: Glue(s(3), min: s(1.5)), footerGap: Glue(s(3), min: s(1)), background: theme.page,
            maxGrowth: 1.35
        )
    }

    /// "① Calf raises  2 × 10 reps · hold 3 s" on one line where it fits.
    private func line(number: Int, _ exercise: Exercise) -> Block {
        let name = EmphasisParser.parse(exercise.name).plain
        let dose = labels.dose(exercise.dose)
        let text = dose.isEmpty ? name : "\(name)  \(dose)"
        let runs = [EmphasizedText.Run(start: 0, end: name.utf8.count, bold: true, italic: false)]
        let paragraph = TextBlock(content: EmphasizedText(plain: text, runs: runs), TextSpec(size: s(blocks.style.name), color: theme.text, role: .body))
        let badge = Badge(label: "\(number)", diameter: s(blocks.style.badge), fill: theme.accent, stroke: nil, textColor: theme.onAccent)
        return HStack(columns: [(badge, .withType(s(blocks.style.badge))), (paragraph, .flexible(1))], spacing: s(4))
    }

    /// "Heat 15–20 min: heating pad or warm shower. Never sleep on one."
    private func therapyLine(_ therapy: Therapy) -> Block {
        let title = EmphasisParser.parse(therapy.name ?? labels.name(for: therapy.kind)).plain
        let prefix = therapy.duration.map { "\(title) \(labels.time($0)): " } ?? "\(title): "
        var text = blocks.lead(prefix, therapy.steps.joined(separator: " "))
        if let caution = therapy.caution {
            let start = text.plain.utf8.count + 1
            let cautionText = EmphasisParser.parse(caution).plain
            text.plain += " " + cautionText
            text.runs.append(.init(start: start, end: start + cautionText.utf8.count, bold: true, italic: false))
        }
        return TextBlock(content: text, bodySpec)
    }
}
