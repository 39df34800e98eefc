/// Heat, cold or alternating therapy, with how long and how to stay safe.
public struct Therapy: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
        case heat, cold, contrast, other
    }

    public var kind: Kind
    /// The heading; the card uses a default for the kind when nil ("Heat", "Cold").
    public var name: String?
    /// How long one application lasts.
    public var duration: DurationRange?
    public var steps: [String]
    /// The safety rule, printed prominently.
    public var caution: String?
    /// A built-in icon's name; the card picks one for the kind when nil.
    public var icon: String?

    public init(
        kind: Kind, name: String? = nil, duration: DurationRange? = nil, steps: [String],
        caution: String? = nil, icon: String? = nil
    ) {
        self.kind = kind
        self.name = name
        self.duration = duration
        self.steps = steps
        self.caution = caution
        self.icon = icon
    }
}

/// A length of time in whole seconds, or a range such as 15–20 minutes.
public struct DurationRange: Codable, Sendable, Hashable {
    public var minSeconds: Int
    public var maxSeconds: Int

    public init(seconds: Int) {
        self.minSeconds = seconds
        self.maxSeconds = seconds
    }

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

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(DurationParser.format(self))
    }
}

/// A short everyday habit: drink water, eat fibre.
public struct Tip: Codable, Sendable, Hashable {
    public var text: String
    /// A built-in icon's name (`water`, `fibre`).
    public var icon: String?

    public init(text: String, icon: String? = nil) {
        self.text = text
        self.icon = icon
    }
}
