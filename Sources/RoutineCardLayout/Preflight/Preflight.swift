import Foundation
import RoutineCardModel

/// Checks laid-out cards for what goes wrong in print: shrunk or continued text, characters no font
/// can draw, low-resolution pictures, anything outside the safe area, weak contrast, tiny text.
package struct Preflight {
    let measurer: any TextMeasuring
    let routine: Routine
    let layout: CardLayout
    let options: CardOptions

    package init(measurer: any TextMeasuring, routine: Routine, layout: CardLayout, options: CardOptions) {
        self.measurer = measurer
        self.routine = routine
        self.layout = layout
        self.options = options
    }

    package func findings() throws -> [Finding] {
        var found: [Finding] = []
        func add(_ severity: Finding.Severity, _ code: String, _ message: String, section: String? = nil, item: String? = nil, page: Int? = nil) {
            found.append(Finding(severity: severity, code: code, message: message, routine: routine.id, section: section, item: item, page: page))
        }
        for (side, adjustment) in layout.labelledAdjustments {
            switch adjustment {
            case .shrunkBodyText:
                add(
                    .warning, "text-shrunk",
                    "the text was made smaller than designed to fit (\(side)\(adjustment)); a larger paper or fewer items keeps it comfortable")
            case .continued:
                add(.note, "continued", "the routine \(side)\(adjustment); print every card, or use a larger paper to have it on one")
            case .tightenedSpacing, .grewBodyText:
                break
            }
        }
        if let family = options.fontFamily, let used = try measurer.familyInUse(for: family) {
            let asked = family.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            if !asked.contains(used.lowercased()) {
                add(
                    .warning, "font-substituted",
                    "the font '\(family)' is not installed, so the card is set in '\(used)' instead; install it, "
                        + "or choose an installed family (`fc-list : family` lists them)")
            }
        }
        // Heat and cold burn unfelt skin: a card that applies them without a safety rule is a finding
        // (an error under --strict), though it still prints.
        for section in routine.sections {
            guard case .therapy(let therapies) = section.content else { continue }
            for (index, therapy) in therapies.enumerated() where [.heat, .cold].contains(therapy.kind) && therapy.caution == nil {
                add(
                    .warning, "therapy-without-caution",
                    "\(therapy.kind.rawValue) has no caution; say how to use it safely (a cloth between it and the skin, how long at most)",
                    section: section.id, item: "therapy \(index + 1)")
            }
        }
        // The card's own words in one language, the routine's in another: a half-translated card.
        if let labels = options.language, Self.primary(labels) != Self.primary(routine.language) {
            add(
                .warning, "language-mismatch",
                "the card's own words are in '\(labels)' but the routine is written in '\(routine.language)'; "
                    + "use a routine written in '\(labels)' (built-in routines come in en, es and de)")
        }
        let hasVideos =
            routine.video != nil
            || routine.sections.contains { section in
                if case .exercises(let exercises) = section.content { exercises.contains { $0.video != nil } } else { false }
            }
        if options.qrCodes, !hasVideos {
            add(.note, "no-videos", "QR codes were asked for, but the routine has no video: addresses to print as codes")
        }
        if options.template == .wallet, routine.diary != nil {
            add(.note, "diary-left-out", "the routine asks for a symptom diary, which the wallet card has no room for; print the fridge or sheet card for it")
        }
        for (page, problem) in underfilledCards() {
            add(.warning, "card-underfilled", problem, page: page)
        }
        for (page, a, b) in overlaps() {
            add(.warning, "overlap", "\(a) and \(b) are drawn over each other", page: page)
        }
        for missing in droppedTexts() {
            add(.error, "text-dropped", "'\(missing.prefix(60))' is not on the card", item: nil)
        }
        let theme = Theme.named(options.theme)
        let minimumContrast = options.theme == .highContrast ? 7.0 : 4.5
        var reportedCharacters: Set<Unicode.Scalar> = []
        for (index, page) in layout.pages.enumerated() {
            let number = index + 1
            for element in page.elements where !PlacedPage.isBackground(element) {
                if !page.safeArea.contains(element.frame, tolerance: 0.5) {
                    add(.error, "outside-safe-area", "something is drawn outside the safe area, where a printer may cut it off", page: number)
                }
            }
            for (position, element) in page.elements.enumerated() {
                switch element {
                case .text(let text):
                    if text.role == .dose, text.lineCount > 1, try breaksInsideAPart(text) {
                        add(.warning, "broken-dose", "the dose '\(text.text)' breaks inside a value and its unit", page: number)
                    }
                    if text.role == .body || text.role == .caution, text.font.size < max(options.template == .wallet ? 6 : 8, theme.minimumBody) - 0.01 {
                        add(
                            .error, "text-too-small", "body text is \(text.font.size.formatted(decimals: 2)) pt, below what can be read comfortably",
                            page: number)
                    }
                    for scalar in try missingCharacters(in: text) where reportedCharacters.insert(scalar).inserted {
                        let code = String(format: "U+%04X", scalar.value)
                        let place = locate(scalar)
                        add(
                            .error, "missing-glyph", "no installed font can draw '\(Character(scalar))' (\(code)); it would print as an empty box",
                            section: place.section, item: place.item, page: number)
                    }
                    let background = backgroundColor(under: text.frame, in: page, before: position)
                    let ratio = text.color.contrast(with: background)
                    if ratio < minimumContrast - 0.005 {
                        add(
                            .warning, "low-contrast",
                            "text '\(text.text.prefix(30))' has a contrast of \(ratio.formatted(decimals: 1)):1 against its background; at least \(minimumContrast.formatted(decimals: 1)):1 reads well",
                            page: number)
                    }
                case .shape(let shape):
                    guard case .qrCode(let matrix) = shape.kind else { break }
                    let symbol = shape.frame.width * Double(matrix.side) / Double(matrix.sideWithQuietZone)
                    let module = symbol / Double(matrix.side)
                    let mm = { (points: Double) in (points / Units.pointsPerMillimetre).formatted(decimals: 2) }
                    let address = shape.link.map { " for \($0.prefix(60))" } ?? ""
                    if symbol < CardBlocks.smallestQRSymbol - 0.01 {
                        add(
                            .warning, "qr-too-small",
                            "the QR code\(address) is \(mm(symbol)) mm wide; phone cameras need at least \(mm(CardBlocks.smallestQRSymbol)) mm to read it from print",
                            page: number)
                    } else if module < CardBlocks.smallestQRModule - 0.001 {
                        add(
                            .warning, "qr-too-small",
                            "the QR code\(address) is too small for its data: its squares are \(mm(module)) mm, under the \(mm(CardBlocks.smallestQRModule)) mm print keeps sharp; shorten the address (a link shortener) or use the sheet template",
                            page: number)
                    }
                case .image(let image) where image.source.lowercased().hasSuffix(".png"):
                    if let pixels = pngPixelWidth(image.source) {
                        let dpi = Double(pixels) / (image.frame.width / 72)
                        if dpi < 150 {
                            add(
                                .warning, "low-resolution",
                                "the picture \(URL(fileURLWithPath: image.source).lastPathComponent) prints at \(Int(dpi)) dpi; at least 150 looks sharp",
                                item: nil, page: number)
                        }
                    }
                default:
                    break
                }
            }
        }
        return found
    }

    /// The primary subtag of a language tag, in lower case (`de-AT` → `de`).
    static func primary(_ tag: String) -> String { tag.split(separator: "-").first.map { $0.lowercased() } ?? tag.lowercased() }

    /// Cards of a continued routine that are mostly blank: a last card under 40 % full (a stub), or
    /// one before it under 70 % while another split would use the cards more evenly (not all of
    /// them half full). Wallet fronts and backs that alternate are judged by their own flows.
    private func underfilledCards() -> [(page: Int, problem: String)] {
        let pages = layout.pages
        guard pages.count > 1, !layout.isWallet || layout.sidesFlowTogether else { return [] }
        let fills = pages.map(\.fill)
        var found: [(Int, String)] = []
        if let last = fills.last, last < 0.4 {
            found.append((pages.count, "the last card is only \(Int(last * 100)) % full; shorten the routine or let the cards before it hold less"))
        }
        let evenlyUsed = fills.allSatisfy { $0 >= 0.5 }
        for (index, fill) in fills.dropLast().enumerated() where fill < 0.7 && !evenlyUsed {
            found.append((index + 1, "card \(index + 1) is only \(Int(fill * 100)) % full before the routine continues"))
        }
        return found
    }

    /// Texts, drawings and number badges that overlap on a page (more than half a point each way).
    private func overlaps() -> [(page: Int, String, String)] {
        var found: [(Int, String, String)] = []
        for (index, page) in layout.pages.enumerated() {
            var marks: [(frame: Rect, name: String, isBadge: Bool)] = []
            for element in page.elements where !PlacedPage.isBackground(element) {
                switch element {
                case .text(let text): marks.append((text.frame, "the text '\(text.text.prefix(24))'", false))
                case .image(let image):
                    marks.append((image.frame, "the picture \(URL(fileURLWithPath: image.source).deletingPathExtension().lastPathComponent)", false))
                case .shape(let shape) where shape.kind == .circle: marks.append((shape.frame, "a number badge", true))
                default: break
                }
            }
            for (i, a) in marks.enumerated() {
                for b in marks[(i + 1)...] {
                    // A badge's own number sits inside it.
                    if a.isBadge != b.isBadge, a.frame.insetBy(-0.5).contains(b.frame) || b.frame.insetBy(-0.5).contains(a.frame) { continue }
                    let width = min(a.frame.maxX, b.frame.maxX) - max(a.frame.minX, b.frame.minX)
                    let height = min(a.frame.maxY, b.frame.maxY) - max(a.frame.minY, b.frame.minY)
                    if width > 0.5, height > 0.5 { found.append((index + 1, a.name, b.name)) }
                }
            }
        }
        return found
    }

    /// The routine's own sentences that appear nowhere on the cards (compared without emphasis,
    /// case or the kinds of space the card uses to hold words together).
    private func droppedTexts() -> [String] {
        func normal(_ markdown: String) -> [UInt8] {
            // Most sentences have no emphasis to strip.
            let marked = markdown.utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") }
            return Self.comparable(marked ? EmphasisParser.parse(markdown).plain : markdown)
        }
        // A plain byte search: a card's text is a few thousand bytes.
        func isPrinted(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
            guard let first = needle.first else { return true }
            guard needle.count <= haystack.count else { return false }
            return haystack.withUnsafeBufferPointer { h in
                needle.withUnsafeBufferPointer { n in
                    for start in 0...(h.count - n.count) where h[start] == first {
                        var index = 1
                        while index < n.count, h[start + index] == n[index] { index += 1 }
                        if index == n.count { return true }
                    }
                    return false
                }
            }
        }
        // The routine's text in reading order, without what each card repeats around it (the
        // footer, the "continued" title) or adds beside it (labels: numbers, a code's caption, the
        // clinic's contact), so a paragraph running on to the next card reads whole.
        let continued = "(\(Labels.forLanguage(options.labelsLanguage(for: routine)).continued))"
        let texts = layout.pages.flatMap(\.texts)
        let printed = Self.comparable(
            texts.filter { $0.role != .footer && $0.role != .label && !$0.text.hasSuffix(continued) }.map(\.text).joined(separator: " "))
        var missing: [String] = []
        // The disclaimer is the footer's own line.
        if let disclaimer = routine.disclaimer, !isPrinted(normal(disclaimer), in: Self.comparable(texts.map(\.text).joined(separator: " "))) {
            missing.append(disclaimer)
        }
        return missing + routine.printedSentences.filter { !isPrinted(normal($0), in: printed) }
    }

    /// Text as compared for dropped words, as UTF-8: lower case, one space between words, without
    /// zero-width no-break spaces, and a word broken at a card's end (a hyphen, U+2010, then the
    /// break) joined again. One pass over the scalars: a card's whole text is compared this way.
    static func comparable(_ text: String) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        let breakHyphen = TextBlock.breakHyphen.unicodeScalars.first
        var space = false
        var hyphen = false
        func append(_ scalar: Unicode.Scalar) { UTF8.encode(scalar) { result.append($0) } }
        for original in text.unicodeScalars where original != "\u{FEFF}" {
            // ASCII (nearly all of a card) without the Unicode tables.
            let isWhitespace = original.isASCII ? [9, 10, 13, 32].contains(original.value) : original.properties.isWhitespace
            let scalar =
                original.isASCII
                ? (original.value >= 65 && original.value <= 90 ? Unicode.Scalar(original.value + 32) ?? original : original)
                : original.properties.lowercaseMapping.unicodeScalars.first ?? original
            if isWhitespace {
                // A break hyphen followed by the break: the word goes on after it.
                if hyphen { hyphen = false } else { space = !result.isEmpty }
                continue
            }
            if let mark = breakHyphen, hyphen { append(mark) }
            if space { result.append(UInt8(ascii: " ")) }
            space = false
            hyphen = scalar == breakHyphen
            if scalar.isASCII {
                result.append(UInt8(truncatingIfNeeded: scalar.value))
            } else if !hyphen {
                append(scalar)
            }
        }
        if let mark = breakHyphen, hyphen { append(mark) }
        return result
    }

    /// Whether a dose set on several lines breaks anywhere but between its parts ("hold 30 s ·").
    private func breaksInsideAPart(_ text: PlacedText) throws -> Bool {
        let request = TextRequest(
            text: text.text, emphasis: text.emphasis, font: text.font, alignment: text.alignment, width: text.frame.width, language: text.language)
        let bytes = Array(text.text.utf8)
        for line in try measurer.measure(request).lines.dropFirst() where line.start > 0 && line.start <= bytes.count {
            let before = String(decoding: bytes[..<line.start], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            let after = String(decoding: bytes[line.start...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if !before.hasSuffix("·") && !after.hasPrefix("·") { return true }
        }
        return false
    }

    /// Characters of `text` that no font covers, found by measuring each suspicious one alone.
    private func missingCharacters(in text: PlacedText) throws -> [Unicode.Scalar] {
        let request = TextRequest(
            text: text.text, emphasis: text.emphasis, font: text.font, alignment: text.alignment, width: text.frame.width, language: text.language)
        guard try measurer.measure(request).unknownGlyphs > 0 else { return [] }
        var missing: [Unicode.Scalar] = []
        for scalar in Set(text.text.unicodeScalars) where !scalar.properties.isWhitespace {
            let single = TextRequest(text: String(Character(scalar)), emphasis: [], font: text.font, alignment: .left, width: 100)
            if try measurer.measure(single).unknownGlyphs > 0 { missing.append(scalar) }
        }
        return missing.sorted { $0.value < $1.value }
    }

    /// The section and item of the routine whose text holds `scalar`.
    private func locate(_ scalar: Unicode.Scalar) -> (section: String?, item: String?) {
        func has(_ text: String?) -> Bool { text?.unicodeScalars.contains(scalar) ?? false }
        if has(routine.title) || has(routine.subtitle) || has(routine.frequency?.text) { return (nil, "title") }
        for section in routine.sections {
            if has(section.title) { return (section.id, "title") }
            switch section.content {
            case .exercises(let items):
                for (index, item) in items.enumerated() where has(item.name) || item.steps.contains(where: has) || has(item.caution) {
                    return (section.id, "exercise \(index + 1) (\(EmphasisParser.parse(item.name).plain))")
                }
            case .therapy(let items):
                for (index, item) in items.enumerated() where has(item.name) || item.steps.contains(where: has) || has(item.caution) {
                    return (section.id, "therapy \(index + 1)")
                }
            case .tips(let items):
                for (index, item) in items.enumerated() where has(item.text) { return (section.id, "tip \(index + 1)") }
            case .notes(let items):
                for (index, item) in items.enumerated() where has(item) { return (section.id, "note \(index + 1)") }
            case .help(let advice):
                for (index, item) in advice.urgent.enumerated() where has(item) { return (section.id, "urgent \(index + 1)") }
                for (index, item) in advice.doctor.enumerated() where has(item) { return (section.id, "doctor \(index + 1)") }
            }
        }
        if has(routine.disclaimer) { return (nil, "disclaimer") }
        return (nil, nil)
    }

    /// The fill drawn under a frame: the last filled shape before the text that covers its centre.
    private func backgroundColor(under frame: Rect, in page: PlacedPage, before position: Int) -> Color {
        let center = Point(x: frame.x + frame.width / 2, y: frame.y + frame.height / 2)
        for element in page.elements[..<position].reversed() {
            guard case .shape(let shape) = element, let fill = shape.fill, shape.kind != .line else { continue }
            let f = shape.frame
            if center.x >= f.minX, center.x <= f.maxX, center.y >= f.minY, center.y <= f.maxY { return fill }
        }
        return page.background
    }

    private func pngPixelWidth(_ path: String) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let header = [UInt8](handle.readData(ofLength: 24))
        guard header.count == 24 else { return nil }
        return header[16..<20].reduce(0) { $0 << 8 | Int($1) }
    }
}
