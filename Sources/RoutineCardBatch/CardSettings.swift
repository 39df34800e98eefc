import Foundation
import RoutineCard

/// A setting the user wrote that cannot be used, in words for them.
package struct SettingError: Error, Sendable, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}

/// Layout and output settings as a user writes them (command-line options, manifest columns),
/// turned into ``CardOptions`` and ``OutputOptions`` with clear errors.
package struct CardSettings: Sendable, Hashable, Codable {
    package var template: String?
    package var paper: String?
    package var landscape = false
    package var margin: String?
    package var bleed: String?
    package var tracker = false
    package var theme: String?
    package var font: String?
    package var forName: String?
    package var byName: String?
    package var date: String?
    package var note: String?
    /// The language of the card: a built-in routine's translation into it, and the words the card adds.
    package var language: String?
    package var format: String?
    /// Pixels per inch for PNG; nil means 300.
    package var dpi: Double?
    /// `a4`, `letter` or `any`: cards on printer sheets.
    package var sheet: String?
    /// A number of copies, or `fill`.
    package var copies: String?
    /// `long` or `short`.
    package var flip: String?
    /// `X,Y` with units, such as `1.5mm,-0.5mm`.
    package var backOffset: String?
    /// The clinic's logo: an SVG or PNG file (made absolute by whoever read the setting).
    package var logo: String?
    /// The clinic's contact, one or two lines.
    package var contact: [String]?
    /// QR codes to the routine's videos.
    package var qr = false
    /// A week's symptom diary.
    package var diary = false
    /// The next review, `YYYY-MM-DD`.
    package var review: String?
    /// Where settings that came from a config file were written (`config.yaml:3:9`), by key.
    package var origins: [String: String] = [:]
    /// What merging with the config file left out, and why; for the user to read.
    package var notes: [String] = []

    package init() {}

    package func cardOptions() throws(SettingError) -> CardOptions {
        try cardOptions(ignoringSheet: false)
    }

    /// Longest personal detail (`for`, `by`, `date`) and font name, in characters.
    package static let maximumDetailCharacters = 100
    /// Longest personal note, in characters.
    package static let maximumNoteCharacters = 500

    private func checkTexts() throws(SettingError) {
        let texts: [(String, String?, Int)] = [
            ("for", forName, Self.maximumDetailCharacters), ("by", byName, Self.maximumDetailCharacters),
            ("date", date, Self.maximumDetailCharacters), ("font", font, Self.maximumDetailCharacters),
            ("note", note, Self.maximumNoteCharacters),
        ]
        for (name, value, limit) in texts {
            guard let value else { continue }
            guard value.count <= limit else {
                throw SettingError("--\(name) is \(value.count) characters long; a card holds at most \(limit)")
            }
            if let control = RoutineRanges.controlCharacter(in: value) {
                throw SettingError("--\(name) contains the control character U+\(String(format: "%04X", control.value)), which cannot be printed")
            }
        }
    }

    /// Most pixels of one PNG page (the renderer's limit, checked here before anything is drawn).
    static let maximumPixelsPerPage = OutputOptions.maximumPixelsPerPage

    func cardOptions(ignoringSheet: Bool) throws(SettingError) -> CardOptions {
        try checkTexts()
        let template: Template
        if let name = self.template {
            guard let known = Template(rawValue: name.lowercased()) else {
                throw SettingError("unknown template '\(name)'; use \(Template.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            template = known
        } else {
            template = .fridge
        }
        var paper: Paper?
        if let name = self.paper {
            do { paper = try Paper.parse(name) } catch { throw SettingError(error.description) }
        }
        var margin: Double?
        if let text = self.margin {
            do { margin = try Length.parse(text) } catch { throw SettingError(error.description) }
            if let points = margin, points < 0 { throw SettingError("the margin cannot be negative") }
        }
        var bleed = 0.0
        if let text = self.bleed {
            do { bleed = try Length.parse(text) } catch { throw SettingError(error.description) }
            guard bleed >= 0, bleed <= Units.mm(20) else { throw SettingError("the bleed must be between 0 and 20mm") }
        }
        var theme = Theme.Name.color
        if let name = self.theme {
            guard let known = Theme.Name(rawValue: name.lowercased()) else {
                throw SettingError("unknown theme '\(name)'; use \(Theme.Name.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            theme = known
        }
        guard resolution >= 10, resolution <= 2400 else { throw SettingError("the resolution must be between 10 and 2400 dpi") }
        var options = CardOptions(
            template: template, paper: paper, landscape: landscape, margin: margin, bleed: bleed, tracker: tracker,
            theme: theme, fontFamily: font,
            personal: PersonalDetails(forName: forName, byName: byName, date: date, note: note, review: try reviewDate())
        )
        options.branding = Branding(logo: logo, contact: contact ?? [])
        options.qrCodes = qr
        options.diary = diary
        options.language = try languageOverride()
        if ignoringSheet { return options }
        options.sheet = try sheetOptions()
        if let sheet = options.sheet, !SheetImposer.fits(options.pageSize, on: sheet) {
            let card =
                "\(Int((options.pageSize.width / Units.pointsPerMillimetre).rounded())) × \(Int((options.pageSize.height / Units.pointsPerMillimetre).rounded())) mm"
            throw SettingError(
                "a \(card) card does not fit on a \(sheet.kind.rawValue) sheet with room for crop marks; "
                    + "choose a smaller --paper, or leave out --sheet")
        }
        if let sheet = options.sheet, let needed = SheetImposer.requiredMargin(for: options.pageSize, on: sheet), options.effectiveMargin < needed - 0.01 {
            let mm = { (points: Double) in String(format: "%.1f", points / Units.pointsPerMillimetre).replacingOccurrences(of: ".0", with: "") }
            throw SettingError(
                "cards tiled edge to edge on \(sheet.kind == .letter ? "a Letter" : "an A4") sheet need a margin of at least \(mm(needed)) mm, so that nothing prints "
                    + "where home printers cannot reach (this card's is \(mm(options.effectiveMargin)) mm); give --margin \(mm(needed))mm or more, or leave out --sheet"
            )
        }
        return options
    }

    /// The review date, read from `YYYY-MM-DD`.
    func reviewDate() throws(SettingError) -> CalendarDate? {
        guard let review else { return nil }
        guard let date = CalendarDate(iso: review) else {
            throw SettingError("the review date '\(review)' should be a date like 2027-03-12 (year-month-day)")
        }
        return date
    }

    /// Contact lines from one text: split at new lines or at " | ", blank lines dropped.
    package static func contactLines(_ text: String) -> [String] {
        text.components(separatedBy: "\n").flatMap { $0.components(separatedBy: "|") }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// Checks that a PNG page of these options stays within ``maximumPixelsPerPage`` (before any
    /// memory is spent on it); nothing to check for PDF and SVG.
    package func checkRaster(_ options: CardOptions, format: OutputFormat) throws(SettingError) {
        guard format == .png else { return }
        // The largest page drawn: the card with its bleed, or the sheet it goes on.
        var page = options.pageSize
        page.width += 2 * options.bleed
        page.height += 2 * options.bleed
        if let sheet = options.sheet {
            let paper = sheet.paper
            page = Size(width: max(page.width, paper.width), height: max(page.height, paper.height))
        }
        let scale = resolution / 72
        let width = (page.width * scale).rounded(), height = (page.height * scale).rounded()
        if width * height > Double(Self.maximumPixelsPerPage) {
            throw SettingError(
                "a PNG page of \(Int(width)) × \(Int(height)) pixels is over the limit of "
                    + "\(Self.maximumPixelsPerPage / 1_000_000) megapixels; lower --dpi or choose a smaller paper")
        }
    }

    /// The PNG resolution in effect.
    package var resolution: Double { dpi ?? 300 }

    /// The sheet settings, when cards go onto printer sheets.
    func sheetOptions() throws(SettingError) -> SheetOptions? {
        guard let sheet else {
            let given = [("--copies", copies != nil), ("--flip", flip != nil), ("--back-offset", backOffset != nil)].filter(\.1).map(\.0)
            if !given.isEmpty {
                throw SettingError(
                    "\(given.joined(separator: " and ")) \(given.count == 1 ? "arranges" : "arrange") cards on sheets; add --sheet a4, letter or any")
            }
            return nil
        }
        guard let kind = SheetOptions.Kind(rawValue: sheet.lowercased()) else {
            throw SettingError("unknown sheet '\(sheet)'; use a4, letter or any")
        }
        let copies: SheetOptions.Copies
        switch self.copies?.lowercased().trimmingCharacters(in: .whitespaces) {
        case nil: copies = .count(1)
        case "fill": copies = .fill
        case let text?:
            guard let count = Int(text), (1...1000).contains(count) else {
                throw SettingError("copies must be a number from 1 to 1000, or fill (as many as the last sheet holds)")
            }
            copies = .count(count)
        }
        var flipSide = SheetOptions.Flip.long
        if let flip {
            guard let known = SheetOptions.Flip(rawValue: flip.lowercased()) else { throw SettingError("unknown flip '\(flip)'; use long or short") }
            flipSide = known
        }
        var offset = Point(x: 0, y: 0)
        if let backOffset {
            let parts = backOffset.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { throw SettingError("write the back offset as X,Y with units, like 1.5mm,-0.5mm") }
            do {
                offset = Point(x: try Length.parse(parts[0]), y: try Length.parse(parts[1]))
            } catch {
                throw SettingError(error.description)
            }
            guard abs(offset.x) <= Units.mm(20), abs(offset.y) <= Units.mm(20) else {
                throw SettingError("a back offset of more than 20 mm is more than a printer's error; check the calibration sheet again")
            }
        }
        return SheetOptions(kind: kind, copies: copies, flip: flipSide, backOffsetX: offset.x, backOffsetY: offset.y)
    }

    /// The format named by `format`, else by the output's extension, else PDF; a disagreement is an error.
    package func outputFormat(for output: String?) throws(SettingError) -> OutputFormat {
        let fromName = output.flatMap { $0 == "-" ? nil : URL(fileURLWithPath: $0).pathExtension }.flatMap { $0.isEmpty ? nil : $0 }
        if let format {
            guard let chosen = OutputFormat(rawValue: format.lowercased()) else {
                throw SettingError("unknown format '\(format)'; use pdf, png or svg")
            }
            if let fromName, let implied = OutputFormat(fileExtension: fromName), implied != chosen {
                throw SettingError("the format \(chosen.rawValue) disagrees with the output name ending in .\(fromName)")
            }
            return chosen
        }
        guard let fromName else { return .pdf }
        guard let implied = OutputFormat(fileExtension: fromName) else {
            throw SettingError("cannot tell the format from '.\(fromName)'; name the file .pdf, .png or .svg, or give a format")
        }
        return implied
    }

    /// The language to use instead of the routine's, checked.
    package func languageOverride() throws(SettingError) -> String? {
        guard let language, !language.isEmpty else { return nil }
        guard RoutineRanges.isLanguageTag(language) else {
            throw SettingError("'\(language)' is not a language tag; write one like en, es or de")
        }
        return language
    }
}
