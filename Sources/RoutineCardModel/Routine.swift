/// A routine: what a card shows. Plain data, safe to send between tasks.
///
/// Routines come from the built-in library (``Routine/builtIn(_:language:)``) or from YAML/JSON files
/// (`Routine.load(contentsOf:pictureFolders:)`). Text fields may use light emphasis: `**bold**` and `_italic_`.
public struct Routine: Codable, Sendable, Hashable {
    /// A short identifier, lower-case words joined by hyphens (`leg-cramps`).
    public var id: String
    /// The title printed at the top of the card.
    public var title: String
    /// A line under the title, such as what the routine is for.
    public var subtitle: String?
    /// A BCP 47 language tag for the words the card adds ("Hold", "each side"); default `en`.
    public var language: String
    /// How often to do the routine.
    public var frequency: Frequency?
    /// The sections, in the order they are printed.
    public var sections: [RoutineSection]
    /// A one-line reminder that the card is not medical advice; the card adds a default when nil.
    public var disclaimer: String?
    /// A web page about the routine (the clinic's page for it, say): the title becomes a link in a PDF.
    public var link: String?
    /// A video of the whole routine (http or https): printed as a QR code when QR codes are asked for.
    public var video: String?
    /// The symptom diary's columns when the routine asks for one (`diary: true` asks for all of
    /// them); nil: no diary unless the card's options add it.
    public var diary: [DiaryColumn]?

    /// A routine; check it with ``validate()`` (the renderer refuses one with problems).
    public init(
        id: String, title: String, subtitle: String? = nil, language: String = "en",
        frequency: Frequency? = nil, sections: [RoutineSection], disclaimer: String? = nil, link: String? = nil,
        video: String? = nil, diary: [DiaryColumn]? = nil
    ) {
        self.id = id
        self.title = title
        self.subtitle = subtitle
        self.language = language
        self.frequency = frequency
        self.sections = sections
        self.disclaimer = disclaimer
        self.link = link
        self.video = video
        self.diary = diary
    }

    /// The section with `id`, if any.
    public func section(_ id: String) -> RoutineSection? { sections.first { $0.id == id } }

    enum CodingKeys: String, CodingKey {
        case id, title, subtitle, language, frequency, sections, disclaimer, link, video, diary
    }

    /// Decodes a routine and holds it to the limits of ``validate()``: decoding never makes a
    /// routine that could not be rendered.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            title: try container.decode(String.self, forKey: .title),
            subtitle: try container.decodeIfPresent(String.self, forKey: .subtitle),
            language: try container.decodeIfPresent(String.self, forKey: .language) ?? "en",
            frequency: try container.decodeIfPresent(Frequency.self, forKey: .frequency),
            sections: try container.decode([RoutineSection].self, forKey: .sections),
            disclaimer: try container.decodeIfPresent(String.self, forKey: .disclaimer),
            link: try container.decodeIfPresent(String.self, forKey: .link),
            video: try container.decodeIfPresent(String.self, forKey: .video),
            diary: try container.decodeIfPresent([DiaryColumn].self, forKey: .diary)
        )
        let problems = validate()
        guard problems.isEmpty else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath, debugDescription: problems.map(\.message).joined(separator: "; ")))
        }
    }
}

/// How often to do a routine: words for the card and a count for the tracker.
public struct Frequency: Codable, Sendable, Hashable {
    /// As printed on the card: "3× a day and before bed".
    public var text: String
    /// Sessions per day, for the tick-off tracker.
    public var perDay: Int?

    /// How often, in words; `perDay` sets the tracker's boxes per day.
    public init(text: String, perDay: Int? = nil) {
        self.text = text
        self.perDay = perDay
    }

    enum CodingKeys: String, CodingKey {
        case text
        case perDay = "per_day"
    }
}

extension Routine {
    /// Every sentence of the routine a card prints, in order, as written (emphasis markers
    /// included): title, subtitle, frequency, then each section's names, steps, cautions, tips,
    /// notes and help. Not the disclaimer, which cards print in their footer.
    package var printedSentences: [String] {
        var sentences = [title] + [subtitle, frequency?.text].compactMap { $0 }
        for section in sections {
            switch section.content {
            case .exercises(let items): sentences += items.flatMap { [$0.name] + $0.steps + [$0.caution].compactMap { $0 } }
            case .therapy(let items): sentences += items.flatMap { $0.steps + [$0.caution].compactMap { $0 } }
            case .tips(let items): sentences += items.map(\.text)
            case .notes(let items): sentences += items
            case .help(let advice): sentences += advice.urgent + advice.doctor
            }
        }
        return sentences
    }
}
