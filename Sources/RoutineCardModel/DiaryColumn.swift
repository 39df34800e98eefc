/// A column of the symptom diary: what the reader writes down each day.
public enum DiaryColumn: String, Codable, Sendable, Hashable, CaseIterable {
    /// How many cramps (or episodes) there were.
    case count
    /// How long the longest lasted, in minutes; the card marks 10 minutes, past which to see a doctor.
    case longest
    /// How bad it was, 0 to 10.
    case pain
    /// Whether it woke them or kept them awake.
    case sleep
}
