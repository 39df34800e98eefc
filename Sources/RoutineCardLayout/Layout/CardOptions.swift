import Foundation
import RoutineCardModel

/// The page layouts a routine can be printed in.
public enum Template: String, Sendable, CaseIterable, Codable {
    /// One card with large type for the fridge door (the default): A6.
    case fridge
    /// A full-page handout with every step, cautions and notes, in two columns where wide enough: A4.
    case sheet
    /// A credit-card-sized card (85.6 × 54 mm), names and doses on the front, therapy and habits on the back.
    case wallet

    /// The paper a template is designed for, used when none is chosen.
    public var defaultPaper: Paper {
        switch self {
        case .fridge: .a6
        case .sheet: .a4
        case .wallet: .wallet
        }
    }

    /// The margin a template is designed with.
    package var defaultMargin: Double {
        switch self {
        case .fridge, .sheet: Units.mm(7)
        case .wallet: Units.mm(3.5)
        }
    }
}

/// Who the card is for and from, printed on the card when given.
public struct PersonalDetails: Hashable, Sendable, Codable {
    /// Who the card is for ("For Sam").
    public var forName: String?
    /// Who gave it: a clinician or a clinic ("From Dr Lee"); also the PDF's author.
    public var byName: String?
    /// The date, as it should be printed.
    public var date: String?
    /// A short personal note printed on the card.
    public var note: String?
    /// When the clinician will next review the routine: "Next review: 12 March 2027", in the card's language.
    public var review: CalendarDate?

    /// Personal details; leave out what should not be printed.
    public init(forName: String? = nil, byName: String? = nil, date: String? = nil, note: String? = nil, review: CalendarDate? = nil) {
        self.forName = forName
        self.byName = byName
        self.date = date
        self.note = note
        self.review = review
    }

}

/// A day of the calendar, without a time or a time zone.
public struct CalendarDate: Hashable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// A date that exists (`2027-02-30` does not); nil otherwise.
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...9999).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard day <= days else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// From ISO 8601's `YYYY-MM-DD`; nil for anything else.
    public init?(iso text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let pad = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }
}

/// The clinic's name on the card: its logo and how to reach it.
public struct Branding: Hashable, Sendable, Codable {
    /// An SVG or PNG file (an absolute path), held to the same rules as a routine's pictures.
    public var logo: String?
    /// One or two lines: the clinic's name, phone, web address.
    public var contact: [String]

    /// Branding; leave out what the card should not show.
    public init(logo: String? = nil, contact: [String] = []) {
        self.logo = logo
        self.contact = contact
    }

    /// Whether there is anything to print.
    public var isEmpty: Bool { logo == nil && contact.isEmpty }

    /// The most contact lines a card prints.
    public static let maximumContactLines = 2
}

/// Everything about how a card is laid out (not what it says: that is the ``Routine``).
public struct CardOptions: Hashable, Sendable {
    /// The page layout.
    public var template: Template
    /// The paper size, before ``landscape`` turns it.
    public var paper: Paper
    /// Turns the paper sideways.
    public var landscape: Bool
    /// Margin around the safe area in points; nil uses the template's (7 mm: inside what home
    /// printers can reach; 3.5 mm on a wallet card).
    public var margin: Double?
    /// Extra paper around the trimmed page for backgrounds to run into, in points (0: none).
    /// The PDF then records TrimBox and BleedBox.
    public var bleed: Double
    /// Adds a week of tick boxes (Monday to Sunday × sessions per day).
    public var tracker: Bool

    /// The margin in effect.
    package var effectiveMargin: Double { margin ?? template.defaultMargin }
    /// The colours and type.
    public var theme: CardTheme
    /// A font family to use instead of the theme's; fontconfig falls back when it is not installed.
    public var fontFamily: String?
    /// Print the cards on printer sheets (A4 or Letter) with crop marks, instead of one per page.
    public var sheet: SheetOptions?
    /// Who the card is for and from.
    public var personal: PersonalDetails
    /// The language of the words the card adds ("hold", "each side", "Card 1 of 2"); nil: the
    /// routine's. A routine whose own text is in another language gets a `language-mismatch`
    /// finding: load its translation instead (``Routine/builtIn(_:language:)``).
    public var language: String?
    /// The clinic's logo and contact, in each template's place for them.
    public var branding = Branding()
    /// Prints a QR code beside each exercise (and for the routine) that has a `video:`.
    public var qrCodes = false
    /// Adds a week's symptom diary with every column; a routine's own `diary:` choice of columns wins.
    public var diary = false

    /// The symptom diary's columns for `routine`, or nil for none.
    package func diaryColumns(for routine: Routine) -> [DiaryColumn]? {
        routine.diary ?? (diary ? DiaryColumn.allCases : nil)
    }

    /// The language of the card's own words for `routine`.
    package func labelsLanguage(for routine: Routine) -> String { language ?? routine.language }

    /// Options for a card; the defaults are the fridge card on its A6 paper, in colour.
    public init(
        template: Template = .fridge, paper: Paper? = nil, landscape: Bool = false, margin: Double? = nil,
        bleed: Double = 0, tracker: Bool = false,
        theme: CardTheme = .color, fontFamily: String? = nil, personal: PersonalDetails = PersonalDetails()
    ) {
        self.bleed = bleed
        self.tracker = tracker
        self.fontFamily = fontFamily
        self.template = template
        self.paper = paper ?? template.defaultPaper
        self.landscape = landscape
        self.margin = margin
        self.theme = theme
        self.personal = personal
    }

    /// The theme's colours and sizes, with ``fontFamily`` in place of its typeface when given.
    package var resolvedTheme: Theme {
        var theme = Theme.named(self.theme)
        if let fontFamily { theme.fontFamily = fontFamily }
        return theme
    }

    /// The page size after orientation.
    package var pageSize: Size {
        landscape ? Size(width: paper.height, height: paper.width) : Size(width: paper.width, height: paper.height)
    }
}
