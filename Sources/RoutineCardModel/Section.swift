/// A titled part of a routine holding one kind of content.
public struct RoutineSection: Codable, Sendable, Hashable {
    /// Picks the section on the command line: `leg-cramps#stretches`.
    public var id: String
    /// The heading; when nil the card uses a default for the kind ("Stretches", "Heat & cold").
    public var title: String?
    /// What the section holds.
    public var content: Content

    /// What a section holds.
    public enum Content: Sendable, Hashable {
        /// Stretches and strengthening moves.
        case exercises([Exercise])
        /// Heat, cold or alternating therapy.
        case therapy([Therapy])
        /// Short everyday habits.
        case tips([Tip])
        /// Free paragraphs.
        case notes([String])
        /// When to get help: urgent signs and reasons to see a doctor.
        case help(HelpAdvice)

        /// The key that holds this content in a routine file.
        public var kind: Kind {
            switch self {
            case .exercises: .exercises
            case .therapy: .therapy
            case .tips: .tips
            case .notes: .notes
            case .help: .help
            }
        }

        /// How many items the section holds.
        public var count: Int {
            switch self {
            case .exercises(let items): items.count
            case .therapy(let items): items.count
            case .tips(let items): items.count
            case .notes(let items): items.count
            case .help(let advice): advice.urgent.count + advice.doctor.count
            }
        }
    }

    /// The kinds of section, named as in routine files.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Exercises with doses and steps.
        case exercises
        /// Heat, cold or alternating therapy.
        case therapy
        /// Everyday habits, each a line with an optional icon.
        case tips
        /// Free notes.
        case notes
        /// When to get help, in two tiers (`urgent`, `doctor`).
        case help
    }

    /// A section; `title` nil uses the default heading for its kind.
    public init(id: String, title: String? = nil, content: Content) {
        self.id = id
        self.title = title
        self.content = content
    }

    enum CodingKeys: String, CodingKey {
        case id, title, exercises, therapy, tips, notes, help
    }

    /// Decodes a section as routine files write it (one of `exercises`, `therapy`, `tips`, `notes`,
    /// `help`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        if let items = try container.decodeIfPresent([Exercise].self, forKey: .exercises) {
            content = .exercises(items)
        } else if let items = try container.decodeIfPresent([Therapy].self, forKey: .therapy) {
            content = .therapy(items)
        } else if let items = try container.decodeIfPresent([Tip].self, forKey: .tips) {
            content = .tips(items)
        } else if let items = try container.decodeIfPresent([String].self, forKey: .notes) {
            content = .notes(items)
        } else if let advice = try container.decodeIfPresent(HelpAdvice.self, forKey: .help) {
            content = .help(advice)
        } else {
            throw DecodingError.dataCorruptedError(
                forKey: .exercises, in: container,
                debugDescription: "a section needs one of exercises, therapy, tips, notes or help"
            )
        }
    }

    /// Encodes a section as routine files write it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(title, forKey: .title)
        switch content {
        case .exercises(let items): try container.encode(items, forKey: .exercises)
        case .therapy(let items): try container.encode(items, forKey: .therapy)
        case .tips(let items): try container.encode(items, forKey: .tips)
        case .notes(let items): try container.encode(items, forKey: .notes)
        case .help(let advice): try container.encode(advice, forKey: .help)
        }
    }
}
