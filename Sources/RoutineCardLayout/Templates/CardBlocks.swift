import RoutineCardModel

/// Builds the blocks cards are made of — title band, headings, exercise rows, therapy boxes,
/// bullets, footers — in a template's sizes and a theme's colours.
struct CardBlocks {
    let routine: Routine
    let options: CardOptions
    let theme: Theme
    let labels: Labels
    let handout: HandoutLabels
    let style: TemplateStyle
    let inputs: HandoutInputs

    init(routine: Routine, options: CardOptions, theme: Theme, style: TemplateStyle, inputs: HandoutInputs = .none) {
        self.routine = routine
        self.options = options
        self.theme = theme
        self.labels = Labels.forLanguage(options.labelsLanguage(for: routine))
        self.handout = HandoutLabels.forLanguage(options.labelsLanguage(for: routine))
        self.style = style
        self.inputs = inputs
    }

    func s(_ value: Double) -> Double { style.s(value) }

    var bodySpec: TextSpec { TextSpec(size: s(style.body), color: theme.text, role: .body) }

    // MARK: Header and footer

    /// The title band: title, subtitle, how often, and who the card is for; on the handout the
    /// clinic's logo and contact above it.
    func header() -> Block {
        let band = titleBand()
        guard options.template == .sheet, let branding = brandingRow(logoHeight: Units.mm(12), contactSize: s(style.subtitle)) else { return band }
        return VStack(children: [branding, band], spacing: Glue(s(5), min: s(3)))
    }

    private func titleBand() -> Block {
        let onBand = theme.headerFill == nil ? theme.text : theme.headerText
        let titleColor = theme.headerFill == nil ? theme.accent : theme.headerText
        let title = TextBlock(
            markdown: routine.title, TextSpec(size: s(style.title), bold: true, color: titleColor, role: .title, lineSpacing: 0.95, link: routine.link))
        var lines: [Block] = [title]
        let noteLine = style.noteInHeader ? options.personal.note : nil
        // Who it is for and from goes beside the title where there is room, so it costs no line;
        // with a note on the fridge card, it leads the note's line instead.
        if noteLine == nil, let personal = personalLine() {
            let aside = TextBlock(
                plain: personalLine(unbreakable: true) ?? personal, TextSpec(size: s(style.subtitle), color: onBand, role: .subtitle, alignment: .right))
            lines = [Aside(main: title, aside: aside, gap: s(8))]
        }
        if let subtitle = routine.subtitle {
            lines.append(TextBlock(markdown: subtitle, TextSpec(size: s(style.subtitle), color: onBand, role: .subtitle)))
        }
        if let frequency = routine.frequency {
            lines.append(TextBlock(markdown: frequency.text, TextSpec(size: s(style.frequency), bold: true, color: onBand, role: .subtitle)))
        }
        // On the fridge card the personal note is one italic line in the band, not a box of its own,
        // after who the card is for and from: "For Sam · From Dr Lee · 26 Nov — Start gently."
        if let noteLine {
            let note = EmphasisParser.parse(noteLine)
            let lead = personalLine(unbreakable: true).map { "\($0)  —  " } ?? ""
            let shift = lead.utf8.count
            let runs =
                [EmphasizedText.Run(start: shift, end: shift + note.plain.utf8.count, bold: false, italic: true)]
                + note.runs.map { .init(start: $0.start + shift, end: $0.end + shift, bold: $0.bold, italic: true) }
            lines.append(
                TextBlock(content: EmphasizedText(plain: lead + note.plain, runs: runs), TextSpec(size: s(style.subtitle), color: onBand, role: .body)))
        }
        let stack = VStack(children: lines, spacing: Glue(s(2), min: s(1)))
        guard let fill = theme.headerFill else {
            return VStack(children: [stack, Rule(color: theme.accent, thickness: s(1.5))], spacing: Glue(s(6), min: s(3)))
        }
        let padding = EdgeInsets(top: s(5), left: s(9), bottom: s(6), right: s(9))
        if options.bleed > 0 {
            // With a bleed the band runs off the top and sides of the trimmed card.
            return Box(
                child: stack, padding: padding, fill: fill, cornerRadius: 0,
                bleed: EdgeInsets(
                    top: options.effectiveMargin + options.bleed, left: options.effectiveMargin + options.bleed,
                    bottom: 0, right: options.effectiveMargin + options.bleed))
        }
        return Box(child: stack, padding: padding, fill: fill, cornerRadius: s(5))
    }

    /// "For Sam  ·  From Dr Lee  ·  26 Nov"; with `unbreakable`, each part is held together so a
    /// line breaks only between parts.
    func personalLine(unbreakable: Bool = false) -> String? {
        let parts = [
            options.personal.forName.map { "\(labels.forName) \($0)" },
            options.personal.byName.map { "\(labels.byName) \($0)" },
            options.personal.date,
            reviewLine,
        ].compactMap { $0 }.map { unbreakable ? Labels.unbreakable($0) : $0 }
        return parts.isEmpty ? nil : parts.joined(separator: "  ·  ")
    }

    /// The header of later pages: the title marked "continued".
    func continuedHeader() -> Block {
        let title = TextBlock(
            plain: "\(EmphasisParser.parse(routine.title).plain) (\(labels.continued))",
            TextSpec(size: s(style.heading + 2), bold: true, color: theme.accent, role: .title))
        return VStack(children: [title, Rule(color: theme.accent, thickness: s(1))], spacing: Glue(s(4), min: s(2)))
    }

    /// The disclaimer, and the page number when there is more than one page.
    func footer(page: Int, total: Int) -> Block {
        let disclaimer = routine.disclaimer ?? labels.notMedicalAdvice
        let spec = TextSpec(size: s(style.footer), color: theme.muted, role: .footer, alignment: .center)
        var lines: [Block] = []
        // The clinic signs the fridge card at its foot (the handout carries it in its header).
        if options.template == .fridge, let branding = brandingRow(logoHeight: Units.mm(8), contactSize: max(s(style.footer) + 1, 7)) {
            lines.append(branding)
        }
        lines += [Rule(color: theme.muted.mixed(with: theme.page, 0.6), thickness: 0.5), TextBlock(markdown: disclaimer, spec)]
        if total > 1 { lines.append(TextBlock(plain: labels.page(page, of: total), spec)) }
        return VStack(children: lines, spacing: Glue(s(3), min: s(2)))
    }

    // MARK: Content

    func heading(_ title: String) -> Block {
        let plain = EmphasisParser.parse(title).plain
        return SectionHeading(
            text: TextBlock(plain: plain.uppercased(), TextSpec(size: s(style.heading), bold: true, color: theme.accent, role: .heading)),
            ruleColor: theme.accent.mixed(with: theme.page, 0.55)
        )
    }

    func exerciseRow(_ exercise: Exercise, number: Int) -> Block {
        let name = TextBlock(markdown: exercise.name, TextSpec(size: s(style.name), bold: true, color: theme.text, role: .name, link: exercise.link))
        // With a picture, the number leads the name, clear of the drawing (whose arrows reach its
        // corners); without one, a large number stands in the picture's place.
        let small = s(style.badge * 0.7)
        var lines: [Block] = [
            exercise.illustration == nil
                ? name
                : HStack(
                    columns: [
                        (Badge(label: "\(number)", diameter: small, fill: theme.accent, stroke: nil, textColor: theme.onAccent), .withType(small)),
                        (name, .flexible(1)),
                    ], spacing: s(4))
        ]
        let dose = labels.dose(exercise.dose)
        if !dose.isEmpty {
            lines.append(TextBlock(plain: dose, TextSpec(size: s(style.dose), bold: true, color: theme.accent, role: .dose)))
        }
        if style.numberedSteps, exercise.steps.count > 1 {
            for (index, step) in exercise.steps.enumerated() {
                lines.append(numbered(step, index + 1))
            }
        } else if !exercise.steps.isEmpty {
            lines.append(TextBlock(markdown: exercise.steps.joined(separator: " "), bodySpec))
        }
        if let caution = exercise.caution { lines.append(cautionLine(caution)) }
        let column = VStack(children: lines, spacing: Glue(s(1.5), min: s(0.5)))
        guard let illustration = exercise.illustration else {
            let badge = Badge(label: "\(number)", diameter: s(style.badge), fill: theme.accent, stroke: nil, textColor: theme.onAccent)
            return withVideoCode(HStack(columns: [(badge, .withType(s(style.badge))), (column, .flexible(1))], spacing: s(8)), exercise)
        }
        // The picture comes first: readers look before they read.
        let side = pictureSide(style.picture)
        let picture = Picture(
            source: illustration, size: Size(width: side, height: side), grows: true, alt: exercise.alt ?? EmphasisParser.parse(exercise.name).plain)
        return withVideoCode(HStack(columns: [(picture, .withPictures(side)), (column, .flexible(1))], spacing: s(8)), exercise)
    }

    /// The exercise's row with the QR code of its video at the right, when it has one to print.
    private func withVideoCode(_ row: Block, _ exercise: Exercise) -> Block {
        guard let code = qrCode(for: exercise.video, caption: handout.video) else { return row }
        return HStack(columns: [(row, .flexible(1)), (code, .fixed(code.side))], spacing: s(4))
    }

    private func numbered(_ step: String, _ number: Int) -> Block {
        let label = TextBlock(plain: "\(number).", TextSpec(size: s(style.body), bold: true, color: theme.muted, role: .label))
        return HStack(columns: [(label, .withType(s(style.body * 1.4))), (TextBlock(markdown: step, bodySpec), .flexible(1))], spacing: s(1))
    }

    func cautionLine(_ text: String) -> Block {
        TextBlock(content: lead("\(labels.caution): ", text), TextSpec(size: s(style.body), color: theme.caution, role: .caution))
    }

    /// `prefix` in bold, then `text` with its own emphasis.
    func lead(_ prefix: String, _ text: String) -> EmphasizedText {
        let body = EmphasisParser.parse(text)
        let shift = prefix.utf8.count
        let runs =
            [EmphasizedText.Run(start: 0, end: shift, bold: true, italic: false)]
            + body.runs.map { .init(start: $0.start + shift, end: $0.end + shift, bold: $0.bold, italic: $0.italic) }
        return EmphasizedText(plain: prefix + body.plain, runs: runs)
    }

    /// Therapy boxes two to a row where the column is wide enough for two readable boxes, else
    /// one under the other.
    func therapyRows(_ therapies: [Therapy]) -> [Block] {
        var rows: [Block] = []
        var index = 0
        while index < therapies.count {
            if index + 1 < therapies.count {
                rows.append(
                    PairOrStack(
                        first: therapyBox(therapies[index], inline: false),
                        second: therapyBox(therapies[index + 1], inline: false),
                        minimumWidth: s(240), spacing: s(6)))
                index += 2
            } else {
                // A box alone on its row is wide: its name leads into the text on the same line.
                rows.append(therapyBox(therapies[index], inline: true))
                index += 1
            }
        }
        return rows
    }

    func therapyBox(_ therapy: Therapy, inline: Bool) -> Block {
        let title = EmphasisParser.parse(therapy.name ?? labels.name(for: therapy.kind)).plain
        var lines: [Block] = []
        // The title is body-sized and its icon no taller than its line, so the title sits as close
        // above the text as one line above the next: text extractors (pdftotext, screen readers
        // working from the page) then read a box's title with its own text, not with the title of
        // the box beside it.
        let iconSide = min(pictureSide(style.icon), s(style.therapyName) * 1.2)
        let icon = (therapy.icon ?? defaultIcon(for: therapy.kind)).map { Picture(source: $0, size: Size(width: iconSide, height: iconSide), alt: title) }
        /// The icon sits beside the first line only, so the text below keeps the box's full width.
        func withIcon(_ block: Block) -> Block {
            guard let icon else { return block }
            return HStack(columns: [(icon, .fixed(iconSide)), (block, .flexible(1))], spacing: s(5))
        }
        if inline {
            let prefix = therapy.duration.map { "\(title) \(labels.time($0)): " } ?? "\(title): "
            lines.append(withIcon(TextBlock(content: lead(prefix, labels.therapyText(therapy)), bodySpec)))
        } else {
            // The time never breaks inside ("15–" at the end of one line, "20 min" on the next).
            let text = therapy.duration.map { "\(title)  \(labels.time($0).replacingOccurrences(of: "–", with: "\u{FEFF}–\u{FEFF}"))" } ?? title
            lines.append(withIcon(TextBlock(plain: text, TextSpec(size: s(style.therapyName), bold: true, color: theme.text, role: .name))))
            if style.numberedSteps, therapy.steps.count > 1 {
                if let spells = labels.spells(of: therapy) { lines.append(TextBlock(plain: spells, bodySpec)) }
                lines += therapy.steps.enumerated().map { numbered($1, $0 + 1) }
            } else if !therapy.steps.isEmpty || therapy.warm != nil {
                lines.append(TextBlock(markdown: labels.therapyText(therapy), bodySpec))
            }
        }
        if let caution = therapy.caution { lines.append(cautionLine(caution)) }
        let content = VStack(children: lines, spacing: Glue(s(1.5), min: s(0.5)))
        let tint: Color? =
            switch therapy.kind {
            case .heat: theme.heatTint
            case .cold: theme.coldTint
            case .contrast, .other: theme.contrastTint
            }
        return Box(
            child: content, padding: EdgeInsets(vertical: s(5), horizontal: s(6)), fill: tint, stroke: theme.boxStroke,
            lineWidth: 0.75, cornerRadius: s(5))
    }

    /// "When to get help": a box outlined in the caution colour, under a caution sign and its
    /// title; each tier is a paragraph led by its label ("Urgent: …", "See a doctor: …"). Its text
    /// is body text, so it is never smaller than the rest of the card.
    func helpBox(_ advice: HelpAdvice, title: String?) -> Block {
        let iconSide = pictureSide(style.icon)
        let heading = TextBlock(
            plain: EmphasisParser.parse(title ?? labels.help).plain,
            TextSpec(size: s(style.therapyName), bold: true, color: theme.caution, role: .heading))
        var lines: [Block] = [
            HStack(
                columns: [(Picture(source: Self.helpIcon, size: Size(width: iconSide, height: iconSide)), .fixed(iconSide)), (heading, .flexible(1))],
                spacing: s(5))
        ]
        for (label, sentences) in [(labels.urgent, advice.urgent), (labels.doctor, advice.doctor)] where !sentences.isEmpty {
            lines.append(TextBlock(content: lead("\(label): ", sentences.joined(separator: " ")), bodySpec))
        }
        // Tinted themes tint it; ink-saver and high contrast draw the outline alone.
        let fill = theme.heatTint == nil ? nil : theme.caution.mixed(with: theme.page, 0.92)
        return Box(
            child: VStack(children: lines, spacing: Glue(s(2), min: s(0.75))), padding: EdgeInsets(vertical: s(5), horizontal: s(6)),
            fill: fill, stroke: theme.caution, lineWidth: 1.25, cornerRadius: s(5))
    }

    /// The built-in drawing beside "when to get help".
    static let helpIcon = "caution"

    /// Pictures grow with the theme's type (high contrast is for low-vision readers).
    func pictureSide(_ base: Double) -> Double { s(base) * theme.typeScale }

    /// The built-in icons for kinds of therapy (a test checks they are among the built-in drawings).
    static let therapyIcons: [Therapy.Kind: String] = [.heat: "heat", .cold: "cold", .contrast: "contrast"]

    /// The built-in icon for a kind of therapy, when there is one.
    func defaultIcon(for kind: Therapy.Kind) -> String? {
        Self.therapyIcons[kind]
    }

    func bullet(_ text: String, icon: String? = nil, link: String? = nil) -> Block {
        var spec = bodySpec
        spec.link = link
        if let icon {
            let side = pictureSide(style.icon)
            let picture = Picture(source: icon, size: Size(width: side, height: side))
            return HStack(columns: [(picture, .fixed(side)), (TextBlock(markdown: text, spec), .flexible(1))], spacing: s(4))
        }
        let dot = TextBlock(plain: "•", TextSpec(size: s(style.body), bold: true, color: theme.accent, role: .label))
        return HStack(columns: [(dot, .withType(s(style.body))), (TextBlock(markdown: text, spec), .flexible(1))], spacing: s(2))
    }

    /// A "Notes" heading over ruled lines filling `height`, for the clinician's handwriting.
    func notesArea(height: Double) -> Block {
        let heading = self.heading(labels.notes)
        let lineGap = s(24)
        return RuledArea(heading: heading, height: height, lineGap: lineGap, color: theme.muted, lineWidth: 0.5)
    }

    /// The personal note in a box of its own, first in the flow (the sheet has room for it).
    func noteBox(_ note: String) -> Block {
        Box(
            child: TextBlock(markdown: note, TextSpec(size: s(style.body), italic: true, color: theme.text, role: .body)),
            padding: EdgeInsets(vertical: s(5), horizontal: s(7)), fill: nil, stroke: theme.accent, lineWidth: 0.75, cornerRadius: s(4))
    }

    /// A week of tick boxes: Monday to Sunday × sessions per day. The compact form carries its
    /// title; the grid goes under a heading of its own (``trackerHasTitle``).
    func tracker() -> Block {
        let sessions = routine.frequency?.perDay ?? 1
        let title = TextBlock(
            plain: labels.tracker.uppercased(), TextSpec(size: s(style.heading), bold: true, color: theme.accent, role: .heading))
        return TrackerGrid(
            weekdays: labels.weekdays, sessions: sessions,
            labelSpec: TextSpec(size: s(max(style.body - 1, 7)), bold: true, color: theme.muted, role: .label),
            cell: s(style.compactTracker ? 10 : 14), stroke: theme.accent, lineWidth: 0.8,
            compactTitle: style.compactTracker ? title : nil)
    }

    var trackerHasTitle: Bool { style.compactTracker }
}

/// A horizontal rule across the width.
struct Rule: Block {
    var color: Color
    var thickness: Double

    func height(width: Double, in context: LayoutContext) throws -> Double { thickness }

    func place(in frame: Rect, in context: LayoutContext, into elements: inout [PlacedElement]) throws {
        elements.append(
            .shape(
                PlacedShape(
                    kind: .rectangle(cornerRadius: 0),
                    frame: Rect(x: frame.x, y: frame.y, width: frame.width, height: thickness), fill: color)))
    }
}

extension Color {
    /// This colour moved `amount` (0–1) of the way towards `other`.
    func mixed(with other: Color, _ amount: Double) -> Color {
        Color(red: red + (other.red - red) * amount, green: green + (other.green - green) * amount, blue: blue + (other.blue - blue) * amount)
    }
}
