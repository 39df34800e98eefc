import RoutineCardModel

/// The wallet card (85.6 × 54 mm): exercises on the front (name and dose first, then the steps
/// and any caution in small type), therapy, habits and the personal note on the back. Nothing of
/// the routine is left out: a side that needs more room continues on further cards, and fronts and
/// backs alternate so that duplex printing keeps them together. It has no room for a tracker.
struct WalletTemplate {
    let blocks: CardBlocks

    init(routine: Routine, options: CardOptions, theme: Theme, inputs: HandoutInputs = .none) {
        let page = options.pageSize
        let scale = min(max(min(page.width / Paper.wallet.width, page.height / Paper.wallet.height), 0.8), 4)
        let style = TemplateStyle(
            scale: scale, title: 10, subtitle: 6.5, frequency: 7, heading: 6.5, name: 7.5, dose: 7,
            body: 7, therapyName: 7, footer: 5.5, badge: 9, bodyFloor: 7, numberedSteps: false,
            columns: 1, columnGap: 0)
        blocks = CardBlocks(routine: routine, options: options, theme: theme, style: style, inputs: inputs)
    }

    var bodySpec: TextSpec { blocks.bodySpec }
    func s(_ value: Double) -> Double { blocks.s(value) }

    private var theme: Theme { blocks.theme }
    private var labels: Labels { blocks.labels }
    private var routine: Routine { blocks.routine }

    func front() -> CardContent { content(header: frontHeader(), items: frontItems(), footer: .pageNumber) }

    func back() -> CardContent { content(header: backHeader(), items: backItems(), footer: .disclaimer) }

    /// Both sides' content as one flow over as many sides as it needs, numbered together and
    /// ending with the disclaimer: for a routine that does not fit one front and one back, so that
    /// no side is left blank while the other runs on.
    func bothSides() -> CardContent {
        // The disclaimer ends the flow rather than one footer, so every side keeps the same room.
        let disclaimer = TextBlock(
            markdown: routine.disclaimer ?? labels.notMedicalAdvice,
            TextSpec(size: s(blocks.style.footer), color: theme.muted, role: .footer, alignment: .center))
        let items = frontItems() + backItems() + [FlowItem(block: disclaimer, spaceBefore: Glue(s(3), min: s(1)))]
        return content(header: frontHeader(), items: items, footer: .pageNumber)
    }

    private func frontItems() -> [FlowItem] {
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
        return items
    }

    private func frontHeader() -> Block {
        let title = TextBlock(markdown: routine.title, TextSpec(size: s(blocks.style.title), bold: true, color: theme.accent, role: .title))
        var headerLines: [Block] = [title]
        if let subtitle = routine.subtitle {
            headerLines.append(TextBlock(markdown: subtitle, TextSpec(size: s(blocks.style.subtitle), color: theme.text, role: .subtitle)))
        }
        if let frequency = routine.frequency {
            headerLines.append(TextBlock(markdown: frequency.text, TextSpec(size: s(blocks.style.frequency), bold: true, color: theme.text, role: .subtitle)))
        }
        if let personal = blocks.personalLine() {
            headerLines.append(TextBlock(plain: personal, TextSpec(size: s(blocks.style.subtitle), color: theme.muted, role: .subtitle)))
        }
        headerLines.append(Rule(color: theme.accent, thickness: s(0.8)))
        return VStack(children: headerLines, spacing: Glue(s(1.5), min: s(0.5)))
    }

    private func backItems() -> [FlowItem] {
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
            case .help(let advice):
                items.append(FlowItem(block: blocks.helpBox(advice, title: section.title), spaceBefore: Glue(s(3), min: s(1)), keepWhole: true))
            }
        }
        if let note = blocks.options.personal.note {
            items.append(
                FlowItem(
                    block: TextBlock(markdown: note, TextSpec(size: s(blocks.style.body), italic: true, color: theme.text, role: .body)),
                    spaceBefore: Glue(s(2.5), min: s(1))))
        }
        // The exercises' videos as a row of codes numbered like the front's exercises.
        if let codes = exerciseCodes() { items.append(FlowItem(block: codes, spaceBefore: Glue(s(3), min: s(1)))) }
        // The clinic signs the back, last.
        if let branding = blocks.brandingRow(logoHeight: Units.mm(7), contactSize: s(blocks.style.footer) + 0.5) {
            items.append(FlowItem(block: branding, spaceBefore: Glue(s(3), min: s(1))))
        }
        return items
    }

    /// QR codes for the exercises that have videos, captioned with their numbers on the front.
    private func exerciseCodes() -> Block? {
        var codes: [QRCodeBlock] = []
        var number = 0
        for section in routine.sections {
            guard case .exercises(let exercises) = section.content else { continue }
            for exercise in exercises {
                number += 1
                if let code = blocks.qrCode(for: exercise.video, caption: "\(number) \(blocks.handout.video)") { codes.append(code) }
            }
        }
        guard !codes.isEmpty else { return nil }
        return FlowRow(items: codes.map { ($0, $0.side) }, spacing: s(4))
    }

    private func backHeader() -> Block {
        let title = TextBlock(plain: EmphasisParser.parse(routine.title).plain, TextSpec(size: s(7), bold: true, color: theme.accent, role: .heading))
        return VStack(children: [title, Rule(color: theme.accent, thickness: s(0.6))], spacing: Glue(s(1.5), min: s(0.5)))
    }

    /// What a side's footer holds, besides the card number when there are several.
    private enum Footer {
        case pageNumber, disclaimer

        func showsDisclaimer(page: Int, of total: Int) -> Bool {
            switch self {
            case .pageNumber: false
            case .disclaimer: true
            }
        }
    }

    private func content(header: Block, items: [FlowItem], footer: Footer) -> CardContent {
        let continued = TextBlock(
            plain: "\(EmphasisParser.parse(routine.title).plain) (\(labels.continued))",
            TextSpec(size: s(7), bold: true, color: theme.accent, role: .heading))
        return CardContent(
            header: header, continuedHeader: continued, items: items,
            footer: { page, total in
                var lines: [Block] = []
                if footer.showsDisclaimer(page: page, of: total) {
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

    /// "① Calf raises  2 × 10 reps · hold 3 s" on one line where it fits, then the steps and any
    /// caution in body type.
    private func line(number: Int, _ exercise: Exercise) -> Block {
        let name = EmphasisParser.parse(exercise.name).plain
        let dose = labels.dose(exercise.dose)
        let text = dose.isEmpty ? name : "\(name)  \(dose)"
        let runs = [EmphasizedText.Run(start: 0, end: name.utf8.count, bold: true, italic: false)]
        var lines: [Block] = [
            TextBlock(content: EmphasizedText(plain: text, runs: runs), TextSpec(size: s(blocks.style.name), color: theme.text, role: .body))
        ]
        if !exercise.steps.isEmpty { lines.append(TextBlock(markdown: exercise.steps.joined(separator: " "), bodySpec)) }
        if let caution = exercise.caution { lines.append(blocks.cautionLine(caution)) }
        let column = VStack(children: lines, spacing: Glue(s(0.8), min: s(0.3)))
        let badge = Badge(label: "\(number)", diameter: s(blocks.style.badge), fill: theme.accent, stroke: nil, textColor: theme.onAccent)
        return HStack(columns: [(badge, .withType(s(blocks.style.badge))), (column, .flexible(1))], spacing: s(4))
    }

    /// "Heat 15–20 min: heating pad or warm shower. Never sleep on one."
    private func therapyLine(_ therapy: Therapy) -> Block {
        let title = EmphasisParser.parse(therapy.name ?? labels.name(for: therapy.kind)).plain
        let prefix = therapy.duration.map { "\(title) \(labels.time($0)): " } ?? "\(title): "
        var text = blocks.lead(prefix, labels.therapyText(therapy))
        if let caution = therapy.caution {
            let start = text.plain.utf8.count + 1
            let cautionText = EmphasisParser.parse(caution).plain
            text.plain += " " + cautionText
            text.runs.append(.init(start: start, end: start + cautionText.utf8.count, bold: true, italic: false))
        }
        return TextBlock(content: text, bodySpec)
    }
}
