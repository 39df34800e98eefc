/// One stretch or strengthening move.
public struct Exercise: Codable, Sendable, Hashable {
    /// The exercise's name, as the card shows it.
    public var name: String
    /// A built-in picture's name (`calf-raise`) or a path relative to the routine file.
    public var illustration: String?
    /// How much: sets, repetitions, hold time, duration, side.
    public var dose: Dose
    /// Short instructions, in order.
    public var steps: [String]
    /// A safety note printed with the exercise.
    public var caution: String?
    /// A web page about the exercise (a video of it, say): the name becomes a link in a PDF.
    public var link: String?
    /// What the drawing shows, for readers who cannot see it; nil: the exercise's name.
    public var alt: String?
    /// A video of the exercise (http or https): printed as a QR code beside it when QR codes are asked for.
    public var video: String?

    /// An exercise; `illustration` is a built-in picture's name or a picture file's path.
    public init(
        name: String, illustration: String? = nil, dose: Dose = Dose(), steps: [String], caution: String? = nil, link: String? = nil,
        alt: String? = nil, video: String? = nil
    ) {
        self.name = name
        self.illustration = illustration
        self.dose = dose
        self.steps = steps
        self.caution = caution
        self.link = link
        self.alt = alt
        self.video = video
    }
}

/// How much of an exercise to do. Every part is optional; the card prints those that are set.
public struct Dose: Codable, Sendable, Hashable {
    /// Sets, 1–20.
    public var sets: Int?
    /// Repetitions per set, 1–200.
    public var reps: Int?
    /// Seconds to hold a position.
    public var hold: Int?
    /// Seconds to keep going (for moves done for a time rather than a count).
    public var duration: Int?
    /// Which side the dose is for: each in turn, both together, or one (left, right, the affected side).
    public var side: Side?

    /// Which side of the body the dose is for.
    public enum Side: String, Codable, Sendable, Hashable, CaseIterable {
        /// Do the dose on one side, then the other.
        case each
        /// Both sides together.
        case both
        /// The left side only.
        case left
        /// The right side only.
        case right
        /// The injured or operated side only (a rehabilitation programme).
        case affected
    }

    /// A dose; leave out what does not apply.
    public init(sets: Int? = nil, reps: Int? = nil, hold: Int? = nil, duration: Int? = nil, side: Side? = nil) {
        self.sets = sets
        self.reps = reps
        self.hold = hold
        self.duration = duration
        self.side = side
    }

    /// True when nothing is set.
    public var isEmpty: Bool { sets == nil && reps == nil && hold == nil && duration == nil && side == nil }
}
