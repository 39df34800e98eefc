/// Heat, cold or alternating therapy, with how long and how to stay safe.
public struct Therapy: Codable, Sendable, Hashable {
    /// What the therapy applies.
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
        /// Warmth: a heat pad, a warm bath or shower (at most 30 minutes).
        case heat
        /// Cold: a wrapped ice pack (at most 20 minutes).
        case cold
        /// Warm and cold in turn.
        case contrast
        /// Anything else, such as massage.
        case other
    }

    /// What the therapy applies.
    public var kind: Kind
    /// The heading; the card uses a default for the kind when nil ("Heat", "Cold").
    public var name: String?
    /// How long one application lasts.
    public var duration: DurationRange?
    /// How to do it, one step per line.
    public var steps: [String]
    /// The safety rule, printed prominently.
    public var caution: String?
    /// A built-in icon's name; the card picks one for the kind when nil.
    public var icon: String?
    /// For contrast therapy: how long each warm spell lasts (required for contrast, at most 10 minutes).
    public var warm: DurationRange?
    /// For contrast therapy: how long each cold spell lasts (required for contrast, at most 5 minutes).
    public var cold: DurationRange?

    /// A therapy.
    public init(
        kind: Kind, name: String? = nil, duration: DurationRange? = nil, steps: [String],
        caution: String? = nil, icon: String? = nil, warm: DurationRange? = nil, cold: DurationRange? = nil
    ) {
        self.kind = kind
        self.name = name
        self.duration = duration
        self.steps = steps
        self.caution = caution
        self.icon = icon
        self.warm = warm
        self.cold = cold
    }
}

/// A length of time in whole seconds, or a range such as 15–20 minutes.
public struct DurationRange: Codable, Sendable, Hashable {
    /// The shortest time, in seconds.
    public var minSeconds: Int
    /// The longest time, in seconds (equal to ``minSeconds`` for a single time).
    public var maxSeconds: Int

    /// A single time, in seconds.
    public init(seconds: Int) {
        self.minSeconds = seconds
        self.maxSeconds = seconds
    }

    /// A range of times, in seconds.
    public init(minSeconds: Int, maxSeconds: Int) {
        self.minSeconds = minSeconds
        self.maxSeconds = maxSeconds
    }

    /// Files write durations as text ("15-20 min", "30s", "1m30s"); see ``DurationParser``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let seconds = try? container.decode(Int.self) {
            self.init(seconds: seconds)
            return
        }
        let text = try container.decode(String.self)
        switch DurationParser.parseRange(text) {
        case .success(let range): self = range
        case .failure(let problem):
            throw DecodingError.dataCorruptedError(in: container, debugDescription: problem.message)
        }
    }

    /// Encodes the range as routine files write it (`15-20 min`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(DurationParser.format(self))
    }
}

/// A short everyday habit: drink water, eat fibre.
public struct Tip: Codable, Sendable, Hashable {
    /// The habit, in a line.
    public var text: String
    /// A built-in icon's name (`water`, `fibre`).
    public var icon: String?
    /// A web page about the habit: the text becomes a link in a PDF.
    public var link: String?

    /// A tip; `icon` is a built-in picture's name.
    public init(text: String, icon: String? = nil, link: String? = nil) {
        self.text = text
        self.icon = icon
        self.link = link
    }
}
