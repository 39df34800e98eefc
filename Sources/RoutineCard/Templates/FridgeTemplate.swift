/// The fridge card: large title band, numbered stretches with prominent doses, tinted heat and
/// cold boxes with their safety rule, habits, and a one-line disclaimer at the foot.
struct FridgeTemplate {
    let routine: Routine
    let options: CardOptions
    let theme: Theme
    let labels: Labels
    /// Sizes are designed for A6 and grow with larger cards.
    let scale: Double

    init(routine: Routine, options: CardOptions, theme: Theme) {
        self.routine = routine
        self.options = options
        self.theme = theme
        self.labels = Labels.forLanguage(routine.language)
        let page = options.pageSize
        let a6 = Paper.a6
        self.scale = min(max(min(page.width / a6.width, page.height / a6.height), 0.75), 2.2)
    }

    func s(_ value: Double) -> Double { value * scale }

    var bodySpec: TextSpec { TextSpec(size: s(9), color: theme.text, role: .body) }

    func content() -> CardContent {
        var items: [FlowItem] = []
        if let note = options.personal.note {
            items.append(FlowItem(block: noteBox(note), spaceBefore: Glue(s(8))))
        }
        for section in routine.sections {
            let title = (section.title ?? labels.title(for: section.content.kind))
            items.append(FlowItem(block: heading(title), spaceBefore: Glue(s(9), min: s(4)), keepWithNext: true))
            let gap = Glue(s(6), min: s(2.5))
            switch section.content {
            case .exercises(let exercises):
                for (index, exercise) in exercises.enumerated() {
                    items.append(FlowItem(block: exerciseRow(exercise, number: index + 1), spaceBefore: index == 0 ? Glue(s(4), min: s(2)) : gap))
                }
            case .therapy(let therapies):
                for row in therapyRows(therapies) {
                    items.append(FlowItem(block: row, spaceBefore: Glue(s(4), min: s(2))))
                }
            case .tips(let tips):
                for (index, tip) in tips.enumerated() {
                    items.append(FlowItem(block: bullet(tip.text), spaceBefore: index == 0 ? Glue(s(4), min: s(2)) : Glue(s(2), min: s(0.5))))
                }
            case .notes(let notes):
                for (index, note) in notes.enumerated() {
                    items.append(FlowItem(block: TextBlock(markdown: note, bodySpec), spaceBefore: index == 0 ? Glue(s(5), min: s(3)) : Glue(s(4), min: s(2)), keepTogether: false))
                }
            }
        }
        return CardContent(
            header: header(), continuedHeader: continuedHeader(), items: items,
            footer: { page, total in footer(page: page, total: total) },
            headerGap: Glue(s(9), min: s(4)), footerGap: Glue(s(6), min: s(3)), background: theme.page
        )
    }

    // MARK: Header and footer

    private func header() -> Block {
        let onBand = theme.headerFill == nil ? theme.text : theme.headerText
        var lines: [Block] = [TextBlock(markdown: routine.title, TextSpec(size: s(16), bold: true, color: theme.headerFill == nil ? theme.accent : theme.headerText, role: .title, lineSpacing: 0.95))]
        if let subtitle = routine.subtitle {
            lines.append(TextBlock(markdown: subtitle, TextSpec(size: s(9), color: onBand, role: .subtitle)))
        }
        if let frequency = routine.frequency {
            lines.append(TextBlock(markdown: frequency.text, TextSpec(size: s(10), bold: true, color: onBand, role: .subtitle)))
        }
        let personal = [
            options.personal.forName.map { "\(labels.forName) \($0)" },
            options.personal.byName.map { "\(labels.byName) \($0)" },
            options.personal.date,
        ].compactMap { $0 }
        if !personal.isEmpty {
            lines.append(TextBlock(plain: personal.joined(separator: "  ·  "), TextSpec(size: s(9), color: onBand, role: .subtitle)))
        }
        let stack = VStack(children: lines, spacing: Glue(s(2), min: s(1)))
        guard let fill = theme.headerFill else {
            return VStack(children: [stack, Rule(color: theme.accent, thickness: s(1.5))], spacing: Glue(s(6), min: s(3)))
        }
        return Box(child: stack, padding: EdgeInsets(top: s(5), left: s(9), bottom: s(6), right: s(9)), fill: fill, cornerRadius: s(5))
    }

    private func continuedHeader() -> Block {
        let title = TextBlock(plain: "\(EmphasisParser.parse(routine.title).plain) (\(labels.continued))",
                              TextSpec(size: s(12), bold: true, color: theme.accent, role: .title))
        return VStack(children: [title, Rule(color: theme.accent, thickness: s(1))], spacing: Glue(s(4), min: s(2)))
    }

    private func footer(page: Int, total: Int) -> Block {
        let disclaimer = routine.disclaimer ?? labels.notMedicalAdvice
        let spec = TextSpec(size: s(8), color: theme.muted, role: .footer, alignment: .center)
        var lines: [Block] = [Rule(color: theme.muted.mixed(with: theme.page, 0.6), thickness: 0.5),
                              TextBlock(markdown: disclaimer, spec)]
        if total > 1 { lines.append(TextBlock(plain: labels.page(page, of: total), spec)) }
        return VStack(children: lines, spacing: Glue(s(3), min: s(2)))
    }

    // MARK: Sections

    private func heading(_ title: String) -> Block {
        let plain = EmphasisParser.parse(title).plain
        return SectionHeading(
            text: TextBlock(plain: plain.uppercased(), TextSpec(size: s(10), bold: true, color: theme.accent, role: .heading)),
            ruleColor: theme.accent.mixed(with: theme.page, 0.55)
        )
    }

    private func exerciseRow(_ exercise: Exercise, number: Int) -> Block {
        var lines: [Block] = [TextBlock(markdown: exercise.name, TextSpec(size: s(11.5), bold: true, color: theme.text, role: .name))]
        let dose = labels.dose(exercise.dose)
        if !dose.isEmpty {
            lines.append(TextBlock(plain: dose, TextSpec(size: s(10), bold: true, color: theme.accent, role: .dose)))
        }
        if !exercise.steps.isEmpty {
            lines.append(TextBlock(markdown: exercise.steps.joined(separator: " "), bodySpec))
        }
        if let caution = exercise.caution {
            lines.append(cautionLine(caution))
        }
        let column = VStack(children: lines, spacing: Glue(s(1.5), min: s(0.5)))
        let badge = Badge(label: "\(number)", diameter: s(18), fill: theme.accent, stroke: nil, textColor: theme.onAccent)
        return HStack(columns: [(badge, .fixed(s(18))), (column, .flexible(1))], spacing: s(8))
    }

    private func cautionLine(_ text: String) -> Block {
        let prefix = "\(labels.caution): "
        let body = EmphasisParser.parse(text)
        let shift = prefix.utf8.count
        let runs = [EmphasizedText.Run(start: 0, end: shift, bold: true, italic: false)]
            + body.runs.map { .init(start: $0.start + shift, end: $0.end + shift, bold: $0.bold, italic: $0.italic) }
        return TextBlock(content: EmphasizedText(plain: prefix + body.plain, runs: runs),
                         TextSpec(size: s(9), color: theme.caution, role: .caution))
    }

    /// Therapy boxes two to a row where the card is wide enough for two readable columns.
    private func therapyRows(_ therapies: [Therapy]) -> [Block] {
        let boxes = therapies.map { therapyBox($0, inline: false) }
        let contentWidth = options.pageSize.width - 2 * (options.effectiveMargin)
        let columns = contentWidth >= s(240) ? 2 : 1
        guard columns == 2 else { return boxes }
        var rows: [Block] = []
        var index = 0
        while index < boxes.count {
            if index + 1 < boxes.count {
                rows.append(HStack(columns: [(boxes[index], .flexible(1)), (boxes[index + 1], .flexible(1))], spacing: s(6), equalHeights: true))
                index += 2
            } else {
                // A box alone on its row is wide: its name leads into the text on the same line.
                rows.append(therapyBox(therapies[index], inline: true))
                index += 1
            }
        }
        return rows
    }

    private func therapyBox(_ therapy: Therapy, inline: Bool) -> Block {
        let name = therapy.name ?? labels.name(for: therapy.kind)
        var lines: [Block] = []
        let title = EmphasisParser.parse(name).plain
        if inline {
            let lead = therapy.duration.map { "\(title) \(labels.time($0)): " } ?? "\(title): "
            let body = EmphasisParser.parse(therapy.steps.joined(separator: " "))
            let shift = lead.utf8.count
            let runs = [EmphasizedText.Run(start: 0, end: shift, bold: true, italic: false)]
                + body.runs.map { .init(start: $0.start + shift, end: $0.end + shift, bold: $0.bold, italic: $0.italic) }
            lines.append(TextBlock(content: EmphasizedText(plain: lead + body.plain, runs: runs), bodySpec))
        } else if let duration = therapy.duration {
            let time = labels.time(duration)
            let text = "\(title)  \(time)"
            let start = title.utf8.count + 2
            lines.append(TextBlock(content: EmphasizedText(plain: text, runs: [.init(start: start, end: text.utf8.count, bold: true, italic: false)]),
                                   TextSpec(size: s(10.5), bold: true, color: theme.text, role: .name)))
        } else {
            lines.append(TextBlock(plain: title, TextSpec(size: s(10.5), bold: true, color: theme.text, role: .name)))
        }
        if !inline, !therapy.steps.isEmpty {
            lines.append(TextBlock(markdown: therapy.steps.joined(separator: " "), bodySpec))
        }
        if let caution = therapy.caution { lines.append(cautionLine(caution)) }
        let tint: Color? = switch therapy.kind {
        case .heat: theme.heatTint
        case .cold: theme.coldTint
        case .contrast, .other: theme.contrastTint
        }
        return Box(child: VStack(children: lines, spacing: Glue(s(1.5), min: s(0.5))),
                   padding: EdgeInsets(vertical: s(5), horizontal: s(6)), fill: tint, stroke: theme.boxStroke,
                   lineWidth: 0.75, cornerRadius: s(5))
    }

    private func bullet(_ text: String) -> Block {
        let dot = TextBlock(plain: "•", TextSpec(size: s(9), bold: true, color: theme.accent, role: .label))
        return HStack(columns: [(dot, .fixed(s(9))), (TextBlock(markdown: text, bodySpec), .flexible(1))], spacing: s(2))
    }

    private func noteBox(_ note: String) -> Block {
        Box(child: TextBlock(markdown: note, TextSpec(size: s(9.5), italic: true, color: theme.text, role: .body)),
            padding: EdgeInsets(vertical: s(5), horizontal: s(7)), fill: nil, stroke: theme.accent, lineWidth: 0.75, cornerRadius: s(4))
    }
}

/// A horizontal rule across the width.
struct Rule: Block {
    var color: Color
    var thickness: Double

    func height(width: Double, in context: LayoutContext) throws -> Double { thickness }

    func place(in frame: Rect, in context: LayoutContext, into elements: inout [PlacedElement]) throws {
        elements.append(.shape(PlacedShape(kind: .rectangle(cornerRadius: 0),
                                           frame: Rect(x: frame.x, y: frame.y, width: frame.width, height: thickness), fill: color)))
    }
}

extension Color {
    /// This colour moved `amount` (0–1) of the way towards `other`.
    func mixed(with other: Color, _ amount: Double) -> Color {
        Color(red: red + (other.red - red) * amount, green: green + (other.green - green) * amount, blue: blue + (other.blue - blue) * amount)
    }
}
