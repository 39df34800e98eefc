import RoutineCardModel

/// The words a card adds around the routine's own text, in the routine's language.
package struct Labels: Sendable, Hashable {
    package var hold: String
    package var reps: String
    package var sets: String
    package var eachSide: String
    package var bothSides: String
    package var leftSide: String
    package var rightSide: String
    package var affectedSide: String
    package var caution: String
    package var notMedicalAdvice: String
    package var continued: String
    /// "Card %1 of %2".
    package var pageOf: String
    package var forName: String
    package var byName: String
    package var exercises: String
    package var therapy: String
    package var tips: String
    package var notes: String
    package var heat: String
    package var cold: String
    package var contrast: String
    package var other: String
    package var minutes: String
    package var seconds: String
    /// Monday first.
    package var weekdays: [String]
    package var tracker: String
    /// The heading of "when to get help", and its two tiers.
    package var help: String
    package var urgent: String
    package var doctor: String
    /// "%1 warm, %2 cold." for contrast therapy's spells.
    package var spells: String

    /// The labels for a BCP 47 tag; its primary language decides, English when unknown.
    package static func forLanguage(_ tag: String) -> Labels {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? "en"
        return table[primary] ?? english
    }

    private static let table: [String: Labels] = ["en": english, "es": spanish, "de": german]

    static let english = Labels(
        hold: "hold", reps: "reps", sets: "sets", eachSide: "each side", bothSides: "both sides",
        leftSide: "left side", rightSide: "right side", affectedSide: "affected side",
        caution: "Caution", notMedicalAdvice: "Not medical advice: ask your doctor or physiotherapist.", continued: "continued",
        pageOf: "Card %1 of %2", forName: "For", byName: "From",
        exercises: "Stretches", therapy: "Heat & cold", tips: "Everyday habits", notes: "Notes",
        heat: "Heat", cold: "Cold", contrast: "Alternate", other: "Therapy", minutes: "min", seconds: "s",
        weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], tracker: "This week",
        help: "When to get help", urgent: "Urgent", doctor: "See a doctor", spells: "%1 warm, %2 cold."
    )

    static let spanish = Labels(
        hold: "mantener", reps: "rep.", sets: "series", eachSide: "cada lado", bothSides: "ambos lados",
        leftSide: "lado izquierdo", rightSide: "lado derecho", affectedSide: "lado afectado",
        caution: "Precaución", notMedicalAdvice: "No sustituye al consejo médico: consulte a su médico o fisioterapeuta.",
        continued: "continuación",
        pageOf: "Tarjeta %1 de %2", forName: "Para", byName: "De",
        exercises: "Estiramientos", therapy: "Calor y frío", tips: "Hábitos diarios", notes: "Notas",
        heat: "Calor", cold: "Frío", contrast: "Alternar", other: "Terapia", minutes: "min", seconds: "s",
        weekdays: ["Lun", "Mar", "Mié", "Jue", "Vie", "Sáb", "Dom"], tracker: "Esta semana",
        help: "Cuándo pedir ayuda", urgent: "Urgente", doctor: "Consulte al médico", spells: "%1 de calor, %2 de frío."
    )

    static let german = Labels(
        hold: "halten", reps: "Wdh.", sets: "Sätze", eachSide: "je Seite", bothSides: "beide Seiten",
        leftSide: "linke Seite", rightSide: "rechte Seite", affectedSide: "betroffene Seite",
        caution: "Vorsicht", notMedicalAdvice: "Ersetzt keine ärztliche Beratung: fragen Sie Ihre Ärztin, Ihren Arzt oder Ihre Physiotherapie.",
        continued: "Fortsetzung",
        pageOf: "Karte %1 von %2", forName: "Für", byName: "Von",
        exercises: "Dehnübungen", therapy: "Wärme & Kälte", tips: "Im Alltag", notes: "Hinweise",
        heat: "Wärme", cold: "Kälte", contrast: "Wechseln", other: "Therapie", minutes: "Min.", seconds: "s",
        weekdays: ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"], tracker: "Diese Woche",
        help: "Wann Sie Hilfe holen", urgent: "Dringend", doctor: "Zum Arzt", spells: "%1 warm, %2 kalt."
    )

    /// What a therapy says: for contrast, its spells ("3 min warm, 1 min cold."), then its steps.
    package func therapyText(_ therapy: Therapy) -> String {
        ([spells(of: therapy)].compactMap { $0 } + therapy.steps).joined(separator: " ")
    }

    /// "3 min warm, 1 min cold." for contrast therapy with both times; nil otherwise.
    package func spells(of therapy: Therapy) -> String? {
        guard let warm = therapy.warm, let cold = therapy.cold else { return nil }
        return spells.replacingOccurrences(of: "%1", with: time(warm)).replacingOccurrences(of: "%2", with: time(cold))
    }

    /// "Card 2 of 3".
    package func page(_ number: Int, of total: Int) -> String {
        pageOf.replacingOccurrences(of: "%1", with: "\(number)").replacingOccurrences(of: "%2", with: "\(total)")
    }

    /// A time for the card: "30 s", "2 min", "1 min 30 s".
    package func time(_ seconds: Int) -> String {
        if seconds < 60 { return "\(seconds)\u{202F}\(self.seconds)" }
        if seconds % 60 == 0 { return "\(seconds / 60)\u{202F}\(minutes)" }
        return "\(seconds / 60)\u{202F}\(minutes) \(seconds % 60)\u{202F}\(self.seconds)"
    }

    /// A range for the card: "15–20 min".
    package func time(_ range: DurationRange) -> String {
        if range.minSeconds == range.maxSeconds { return time(range.minSeconds) }
        if range.minSeconds % 60 == 0, range.maxSeconds % 60 == 0 {
            return "\(range.minSeconds / 60)–\(range.maxSeconds / 60)\u{202F}\(minutes)"
        }
        return "\(time(range.minSeconds))–\(time(range.maxSeconds))"
    }

    /// The dose in a few words: "2 × 10 reps · hold 3 s · each side". Each part is held together
    /// with no-break spaces, so a line breaks only between parts, never inside "10 reps" or "je Seite".
    package func dose(_ dose: Dose) -> String {
        var parts: [String] = []
        switch (dose.sets, dose.reps) {
        case let (sets?, reps?): parts.append("\(sets) × \(reps) \(self.reps)")
        case let (nil, reps?): parts.append("\(reps) \(self.reps)")
        case let (sets?, nil): parts.append("\(sets) \(self.sets)")
        case (nil, nil): break
        }
        if let hold = dose.hold { parts.append("\(self.hold) \(time(hold))") }
        if let duration = dose.duration { parts.append(time(duration)) }
        switch dose.side {
        case .each: parts.append(eachSide)
        case .both: parts.append(bothSides)
        case .left: parts.append(leftSide)
        case .right: parts.append(rightSide)
        case .affected: parts.append(affectedSide)
        case nil: break
        }
        guard var text = parts.first else { return "" }
        // Capitalise the first word only ("Hold 30 s · 3 reps").
        text = text.prefix(1).uppercased() + text.dropFirst()
        return ([text] + parts.dropFirst()).map(Self.unbreakable).joined(separator: " · ")
    }

    /// `text` with its spaces made no-break spaces (narrow ones stay narrow).
    package static func unbreakable(_ text: String) -> String {
        text.replacingOccurrences(of: " ", with: "\u{00A0}")
    }

    /// The default heading for a section kind.
    package func title(for kind: RoutineSection.Kind) -> String {
        switch kind {
        case .exercises: exercises
        case .therapy: therapy
        case .tips: tips
        case .notes: notes
        case .help: help
        }
    }

    /// The default name for a therapy kind.
    package func name(for kind: Therapy.Kind) -> String {
        switch kind {
        case .heat: heat
        case .cold: cold
        case .contrast: contrast
        case .other: other
        }
    }
}
