import RoutineCardModel

/// The words of a clinician's handout — diary, review date, video captions — in the card's language.
package struct HandoutLabels: Sendable, Hashable {
    package var diary: String
    package var day: String
    package var count: String
    package var longest: String
    package var pain: String
    package var sleep: String
    /// Printed in each sleep cell, to circle.
    package var yesNo: String
    /// The mark for a long cramp, under the diary.
    package var longWarning: String
    package var review: String
    package var video: String
    /// January first.
    package var months: [String]
    /// "%d %m %y" with the day, the month's name and the year.
    package var dateFormat: String

    package static func forLanguage(_ tag: String) -> HandoutLabels {
        switch tag.split(separator: "-").first.map({ $0.lowercased() }) {
        case "es": spanish
        case "de": german
        default: english
        }
    }

    package func title(of column: DiaryColumn) -> String {
        switch column {
        case .count: count
        case .longest: longest
        // "0–10" never breaks at its dash.
        case .pain: pain.replacingOccurrences(of: "–", with: "\u{FEFF}–\u{FEFF}")
        case .sleep: sleep
        }
    }

    /// "12 March 2027", "12 de marzo de 2027", "12. März 2027".
    package func format(_ date: CalendarDate) -> String {
        dateFormat.replacingOccurrences(of: "%d", with: "\(date.day)").replacingOccurrences(of: "%m", with: months[date.month - 1])
            .replacingOccurrences(of: "%y", with: "\(date.year)")
    }

    static let english = HandoutLabels(
        diary: "Symptom diary", day: "Day", count: "Cramps", longest: "Longest (min)", pain: "Pain 0–10", sleep: "Woke me",
        yesNo: "Y / N", longWarning: "A cramp over 10 min: see a doctor.", review: "Next review", video: "Video",
        months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        dateFormat: "%d %m %y")

    static let spanish = HandoutLabels(
        diary: "Diario de síntomas", day: "Día", count: "Calambres", longest: "Más largo (min)", pain: "Dolor 0–10", sleep: "Me despertó",
        yesNo: "S / N", longWarning: "Un calambre de más de 10 min: consulte al médico.", review: "Próxima revisión", video: "Vídeo",
        months: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
        dateFormat: "%d de %m de %y")

    static let german = HandoutLabels(
        diary: "Beschwerdetagebuch", day: "Tag", count: "Krämpfe", longest: "Längster (Min.)", pain: "Schmerz 0–10", sleep: "Geweckt",
        yesNo: "J / N", longWarning: "Ein Krampf über 10 Min.: ärztlich abklären lassen.", review: "Nächste Kontrolle", video: "Video",
        months: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        dateFormat: "%d. %m %y")
}
