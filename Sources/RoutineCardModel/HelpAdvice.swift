/// When to get help, in two tiers: signs that need help today or an emergency call, and reasons
/// to see a doctor. A card that gives health advice says both; the card draws this section
/// distinctly and never shrinks it below the body text.
public struct HelpAdvice: Codable, Sendable, Hashable {
    /// Signs that need help the same day or a call to emergency services, one sentence each
    /// ("Chest pain or sudden breathlessness: call emergency services.").
    public var urgent: [String]
    /// Reasons to book a visit to a doctor, one sentence each.
    public var doctor: [String]

    /// Advice in two tiers; either may be empty, not both.
    public init(urgent: [String] = [], doctor: [String] = []) {
        self.urgent = urgent
        self.doctor = doctor
    }

    /// Decodes `urgent` and `doctor`, each optional.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        urgent = try container.decodeIfPresent([String].self, forKey: .urgent) ?? []
        doctor = try container.decodeIfPresent([String].self, forKey: .doctor) ?? []
    }

    enum CodingKeys: String, CodingKey {
        case urgent, doctor
    }
}
