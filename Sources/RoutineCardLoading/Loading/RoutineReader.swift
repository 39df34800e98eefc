import Foundation
import RoutineCardModel
import Yams

/// Reads a ``Routine`` out of a node tree, reporting every problem rather than stopping at the first.
struct RoutineReader {
    var reader: NodeReader
    /// Names a picture may have without being a path: the built-in illustrations and icons.
    let pictureNames: Set<String>
    /// Where relative picture paths start; nil when the routine has no folder (stdin, built-in).
    let baseDirectory: URL?
    /// The file's name without extension, the id when the file gives none.
    let fallbackID: String
    /// The folder trees pictures may come from (real paths, ending in "/").
    let pictureRoots: [String]
    /// Tries to decode each picture file the routine names.
    let decodeCheck: PictureDecodeCheck

    private var itemCount = 0

    init(
        file: String, pictureNames: Set<String>, baseDirectory: URL?, pictureFolders: [URL] = [], decodeCheck: PictureDecodeCheck,
        fallbackID: String
    ) {
        self.reader = NodeReader(file: file)
        self.decodeCheck = decodeCheck
        self.pictureNames = pictureNames
        self.baseDirectory = baseDirectory
        self.fallbackID = fallbackID
        pictureRoots = ([baseDirectory].compactMap { $0 } + pictureFolders).map { folder in
            let path = folder.standardizedFileURL.resolvingSymlinksInPath().path
            return path.hasSuffix("/") ? path : path + "/"
        }
    }

    static let routineFields = ["id", "title", "subtitle", "language", "frequency", "sections", "disclaimer", "link", "video", "diary", "$schema"]
    static let sectionFields = ["id", "title", "exercises", "therapy", "tips", "notes", "help"]
    static let helpFields = ["urgent", "doctor"]
    static let exerciseFields = ["name", "illustration", "dose", "steps", "caution", "link", "alt", "video"]
    static let doseFields = ["sets", "reps", "hold", "duration", "side"]
    static let therapyFields = ["kind", "name", "duration", "steps", "caution", "icon", "warm", "cold"]
    static let tipFields = ["text", "icon", "link"]
    static let frequencyFields = ["text", "per_day"]

    mutating func routine(_ node: Node) -> Routine? {
        guard let fields = reader.fields(node, of: "the routine", allowed: Self.routineFields, required: ["title", "sections"]) else {
            return nil
        }
        let id = identifier(fields["id"], "the routine's id") ?? fallbackID
        let title = reader.text(fields["title"], "the title", required: true)
        let subtitle = reader.text(fields["subtitle"], "the subtitle")
        let language = self.language(fields["language"]) ?? "en"
        let frequency = fields["frequency"].flatMap { self.frequency($0) }
        let disclaimer = reader.text(fields["disclaimer"], "the disclaimer")
        let link = self.link(fields["link"], "the routine's link")
        let video = self.link(fields["video"], "the routine's video")
        let diary = fields["diary"].flatMap { self.diary($0) }
        var sections: [RoutineSection] = []
        if let items = reader.list(fields["sections"], "sections", limit: RoutineLimits.sections) {
            if items.isEmpty { reader.report(fields["sections"], "the routine has no sections; add at least one") }
            var seen: [String: Node] = [:]
            for (index, item) in items.enumerated() {
                guard let section = section(item, number: index + 1) else { continue }
                if seen[section.id] != nil {
                    reader.report(item, "two sections have the id '\(section.id)'; give each its own id")
                }
                seen[section.id] = item
                sections.append(section)
            }
        }
        guard let title else { return nil }
        return Routine(
            id: id, title: title, subtitle: subtitle, language: language, frequency: frequency,
            sections: sections, disclaimer: disclaimer, link: link, video: video, diary: diary)
    }

    /// `diary: true` (every column), `false`, or a list of columns.
    private mutating func diary(_ node: Node) -> [DiaryColumn]? {
        let names = DiaryColumn.allCases.map(\.rawValue).joined(separator: ", ")
        if case .scalar = node {
            return reader.bool(node, "diary") == true ? DiaryColumn.allCases : nil
        }
        guard let items = reader.list(node, "the diary's columns", limit: DiaryColumn.allCases.count) else { return nil }
        var columns: [DiaryColumn] = []
        for item in items {
            guard let name = reader.text(item, "a diary column", required: true) else { continue }
            guard let column = DiaryColumn(rawValue: name.lowercased()) else {
                reader.report(item, "the diary column '\(name)' is not one of \(names)")
                continue
            }
            if columns.contains(column) { reader.report(item, "the diary column '\(name)' is listed twice") } else { columns.append(column) }
        }
        if items.isEmpty { reader.report(node, "the diary has no columns; list some of \(names), or write diary: true") }
        return columns.isEmpty ? nil : columns
    }

    private mutating func identifier(_ node: Node?, _ what: String) -> String? {
        guard let value = reader.text(node, what) else { return nil }
        guard RoutineRanges.isIdentifier(value) else {
            reader.report(node, "\(what) '\(value.prefix(40))' should use only lower-case letters, digits and hyphens, like 'leg-cramps'")
            return nil
        }
        return value
    }

    private mutating func language(_ node: Node?) -> String? {
        guard let value = reader.text(node, "the language") else { return nil }
        guard RoutineRanges.isLanguageTag(value) else {
            reader.report(node, "the language '\(value)' is not a language tag; write one like en, es, de or en-GB")
            return nil
        }
        return value
    }

    private mutating func frequency(_ node: Node) -> Frequency? {
        if case .scalar = node {
            return reader.text(node, "the frequency", required: true).map { Frequency(text: $0) }
        }
        guard let fields = reader.fields(node, of: "the frequency", allowed: Self.frequencyFields, required: ["text"]) else {
            return nil
        }
        let text = reader.text(fields["text"], "the frequency's text", required: true)
        let perDay = reader.integer(fields["per_day"], "per_day", range: RoutineRanges.perDay)
        return text.map { Frequency(text: $0, perDay: perDay) }
    }

    private mutating func section(_ node: Node, number: Int) -> RoutineSection? {
        var what = "section \(number)"
        // Name the section by its id when it has a readable one: easier to find than a number.
        if case .mapping(let mapping) = node, case .scalar(let id)? = mapping["id"], !id.string.isEmpty, id.string.count <= 40 {
            what = "section '\(id.string)'"
        }
        guard let fields = reader.fields(node, of: what, allowed: Self.sectionFields) else { return nil }
        let kinds = RoutineSection.Kind.allCases.filter { fields[$0.rawValue] != nil }
        guard kinds.count == 1, let kind = kinds.first else {
            reader.report(
                node,
                kinds.isEmpty
                    ? "\(what) has no content; give it one of: exercises, therapy, tips, notes or help"
                    : "\(what) mixes \(kinds.map(\.rawValue).joined(separator: " and ")); put each in its own section")
            return nil
        }
        let id = identifier(fields["id"], "the id of \(what)") ?? kind.rawValue
        let title = reader.text(fields["title"], "the title of \(what)")
        let listNode = fields[kind.rawValue]
        if kind == .help {
            return listNode.flatMap { help($0, what) }.map { RoutineSection(id: id, title: title, content: .help($0)) }
        }
        guard
            let items = reader.list(
                listNode, "the \(kind.rawValue) of \(what)", limit: RoutineLimits.itemsPerSection,
                allowSingle: kind == .notes)
        else { return nil }
        guard !items.isEmpty else {
            reader.report(listNode, "the \(kind.rawValue) of \(what) are empty; add an item or remove the section")
            return nil
        }
        itemCount += items.count
        guard itemCount <= RoutineLimits.items else {
            reader.report(listNode, "the routine has more than \(RoutineLimits.items) items; split it into several routines")
            return nil
        }
        switch kind {
        case .exercises:
            return RoutineSection(id: id, title: title, content: .exercises(items.enumerated().compactMap { exercise($1, "exercise \($0 + 1) in \(what)") }))
        case .therapy:
            return RoutineSection(id: id, title: title, content: .therapy(items.enumerated().compactMap { therapy($1, "therapy \($0 + 1) in \(what)") }))
        case .tips:
            return RoutineSection(id: id, title: title, content: .tips(items.enumerated().compactMap { tip($1, "tip \($0 + 1) in \(what)") }))
        case .notes:
            return RoutineSection(
                id: id, title: title, content: .notes(items.enumerated().compactMap { reader.text($1, "note \($0 + 1) in \(what)", required: true) }))
        case .help:
            return nil
        }
    }

    /// `urgent:` and `doctor:`, each a list of sentences (or one); at least one of them.
    private mutating func help(_ node: Node, _ what: String) -> HelpAdvice? {
        guard let fields = reader.fields(node, of: "the help of \(what)", allowed: Self.helpFields) else { return nil }
        guard fields["urgent"] != nil || fields["doctor"] != nil else {
            reader.report(node, "the help of \(what) needs urgent (signs that need help today) or doctor (reasons to see a doctor), or both")
            return nil
        }
        var tiers: [[String]] = []
        for tier in Self.helpFields {
            guard let tierNode = fields[tier] else {
                tiers.append([])
                continue
            }
            let items = reader.list(tierNode, "the \(tier) help of \(what)", limit: RoutineLimits.itemsPerSection, allowSingle: true) ?? []
            if items.isEmpty { reader.report(tierNode, "the \(tier) help of \(what) is empty; add a sentence or remove it") }
            itemCount += items.count
            tiers.append(items.enumerated().compactMap { reader.text($1, "\(tier) \($0 + 1) in \(what)", required: true) })
        }
        return HelpAdvice(urgent: tiers[0], doctor: tiers[1])
    }

    private mutating func exercise(_ node: Node, _ what: String) -> Exercise? {
        guard let fields = reader.fields(node, of: what, allowed: Self.exerciseFields, required: ["name"]) else { return nil }
        let name = reader.text(fields["name"], "the name of \(what)", required: true)
        let illustration = picture(fields["illustration"], "the illustration of \(what)")
        let dose = fields["dose"].flatMap { self.dose($0, "the dose of \(what)") } ?? Dose()
        let steps = self.steps(fields["steps"], what)
        let caution = reader.text(fields["caution"], "the caution of \(what)")
        let link = self.link(fields["link"], "the link of \(what)")
        let alt = reader.text(fields["alt"], "the alternative text of \(what)")
        let video = self.link(fields["video"], "the video of \(what)")
        guard let name else { return nil }
        return Exercise(name: name, illustration: illustration, dose: dose, steps: steps, caution: caution, link: link, alt: alt, video: video)
    }

    private mutating func dose(_ node: Node, _ what: String) -> Dose? {
        guard let fields = reader.fields(node, of: what, allowed: Self.doseFields) else { return nil }
        let dose = Dose(
            sets: reader.integer(fields["sets"], "sets", range: RoutineRanges.sets),
            reps: reader.integer(fields["reps"], "reps", range: RoutineRanges.reps, allowTimes: true),
            hold: reader.seconds(fields["hold"], "hold", range: RoutineRanges.hold),
            duration: reader.seconds(fields["duration"], "duration", range: RoutineRanges.duration),
            side: reader.choice(fields["side"], "side", Dose.Side.allCases.map(\.rawValue)).flatMap(Dose.Side.init(rawValue:))
        )
        return dose
    }

    private mutating func therapy(_ node: Node, _ what: String) -> Therapy? {
        guard let fields = reader.fields(node, of: what, allowed: Self.therapyFields, required: ["kind"]) else { return nil }
        let kind = reader.choice(fields["kind"], "the kind of \(what)", Therapy.Kind.allCases.map(\.rawValue)).flatMap(Therapy.Kind.init(rawValue:))
        let name = reader.text(fields["name"], "the name of \(what)")
        var duration = reader.durationRange(fields["duration"], "the duration of \(what)", range: RoutineRanges.therapy)
        // Safety: cold longer than 20 minutes risks cold burns; heat longer than 30, skin burns;
        // alternating and other kinds are held to 30 in all.
        if let kind, let range = duration, let limit = RoutineRanges.therapyMinutes[kind], range.maxSeconds > limit * 60 {
            reader.report(
                fields["duration"], "\(what): \(kind.rawValue) therapy should last at most \(limit) minutes at a time to protect the skin; shorten the duration"
            )
            duration = nil
        }
        let steps = self.steps(fields["steps"], what)
        let caution = reader.text(fields["caution"], "the caution of \(what)")
        let icon = picture(fields["icon"], "the icon of \(what)")
        // Contrast therapy says how long each warm and cold spell lasts; other kinds have no spells.
        var spells: [DurationRange?] = []
        for (spell, limit) in [("warm", RoutineRanges.contrastWarmMinutes), ("cold", RoutineRanges.contrastColdMinutes)] {
            var time = reader.durationRange(fields[spell], "the \(spell) time of \(what)", range: RoutineRanges.therapy)
            if let range = time, range.maxSeconds > limit * 60 {
                reader.report(fields[spell], "\(what): a \(spell) spell should last at most \(limit) minutes")
                time = nil
            }
            if let kind, kind != .contrast, fields[spell] != nil {
                reader.report(fields[spell], "\(what): \(spell) times belong to contrast therapy; give \(kind.rawValue) therapy a duration")
            }
            spells.append(time)
        }
        guard let kind else { return nil }
        if RoutineRanges.therapyNeedingCaution.contains(kind), caution == nil {
            reader.report(node, "\(what): \(kind.rawValue) therapy needs a caution: say how to do it safely (for example, how long at most)")
            return nil
        }
        if kind == .contrast, fields["warm"] == nil || fields["cold"] == nil {
            reader.report(node, "\(what): contrast therapy needs its warm and cold times, such as warm: 3 min and cold: 1 min")
            return nil
        }
        return Therapy(kind: kind, name: name, duration: duration, steps: steps, caution: caution, icon: icon, warm: spells[0], cold: spells[1])
    }

    private mutating func tip(_ node: Node, _ what: String) -> Tip? {
        if case .scalar = node {
            return reader.text(node, what, required: true).map { Tip(text: $0) }
        }
        guard let fields = reader.fields(node, of: what, allowed: Self.tipFields, required: ["text"]) else { return nil }
        let text = reader.text(fields["text"], "the text of \(what)", required: true)
        let icon = picture(fields["icon"], "the icon of \(what)")
        let link = self.link(fields["link"], "the link of \(what)")
        return text.map { Tip(text: $0, icon: icon, link: link) }
    }

    /// A web address (http or https), reported where it is written when it is anything else.
    private mutating func link(_ node: Node?, _ what: String) -> String? {
        guard let value = reader.text(node, what) else { return nil }
        if let problem = WebLink.problem(value) {
            reader.report(node, "\(what): \(problem)")
            return nil
        }
        return value
    }

    private mutating func steps(_ node: Node?, _ what: String) -> [String] {
        guard let items = reader.list(node, "the steps of \(what)", limit: RoutineLimits.steps, allowSingle: true) else { return [] }
        return items.enumerated().compactMap { reader.text($1, "step \($0 + 1) of \(what)", required: true) }
    }

    /// A built-in picture name, or a path to an SVG or PNG file next to the routine.
    private mutating func picture(_ node: Node?, _ what: String) -> String? {
        guard let value = reader.text(node, what) else { return nil }
        let looksLikePath = value.contains("/") || value.hasSuffix(".svg") || value.hasSuffix(".png")
        if !looksLikePath {
            guard pictureNames.contains(value) else {
                let nearest = Suggestions.ranked(value, Array(pictureNames)).first
                reader.report(
                    node,
                    "\(what) '\(value)' is not a built-in picture"
                        + (nearest.map { "; did you mean '\($0)'?" } ?? "")
                        + " (name a built-in picture, or give a path like ./my-move.svg)")
                return nil
            }
            return value
        }
        let lower = value.lowercased()
        guard lower.hasSuffix(".svg") || lower.hasSuffix(".png") else {
            reader.report(node, "\(what) '\(value)' should be an .svg or .png file")
            return nil
        }
        let url: URL
        if value.hasPrefix("/") {
            url = URL(fileURLWithPath: value)
        } else if let baseDirectory {
            url = URL(fileURLWithPath: value, relativeTo: baseDirectory)
        } else {
            reader.report(
                node,
                "\(what) '\(value)' is a relative path, and relative picture paths need the routine's folder; "
                    + "load the routine from its file (or give its folder), or use a built-in picture")
            return nil
        }
        // Symbolic links are followed first, so a link cannot lead out of the folder.
        let real = url.standardizedFileURL.resolvingSymlinksInPath()
        guard pictureRoots.contains(where: { real.path.hasPrefix($0) }) else {
            let folders = pictureRoots.map { String($0.dropLast()) }.joined(separator: ", ")
            reader.report(
                node,
                "\(what) '\(value)' is outside \(folders.isEmpty ? "the routine's folder" : folders); "
                    + "a routine may use pictures in its own folder (and below), or in folders allowed for pictures")
            return nil
        }
        if let problem = PictureFiles.problem(at: real, decodeCheck: decodeCheck) {
            reader.report(node, "\(what) '\(value)': \(problem)")
            return nil
        }
        // The model keeps the resolved path, so the routine draws the same from any folder.
        return real.path
    }
}
