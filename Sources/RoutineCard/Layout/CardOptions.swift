import Foundation

/// The page layouts a routine can be printed in.
public enum Template: String, Sendable, CaseIterable, Codable {
    /// One card with large type for the fridge door (the default).
    case fridge
}

/// Who the card is for and from, printed on the card when given.
public struct PersonalDetails: Hashable, Sendable, Codable {
    public var forName: String?
    public var byName: String?
    public var date: String?
    public var note: String?

    public init(forName: String? = nil, byName: String? = nil, date: String? = nil, note: String? = nil) {
        self.forName = forName
        self.byName = byName
        self.date = date
        self.note = note
    }

    var isEmpty: Bool { forName == nil && byName == nil && date == nil && note == nil }
}

/// Everything about how a card is laid out (not what it says: that is the ``Routine``).
public struct CardOptions: Hashable, Sendable {
    public var template: Template
    public var paper: Paper
    /// Turns the paper sideways.
    public var landscape: Bool
    /// Margin around the safe area in points; nil uses ``defaultMargin``.
    public var margin: Double?

    /// 7 mm: inside what home printers can reach, and leaves room on a small card.
    public static let defaultMargin = Units.mm(7)

    /// The margin in effect.
    public var effectiveMargin: Double { margin ?? Self.defaultMargin }
    public var theme: Theme.Name
    /// A font family to use instead of the theme's; fontconfig falls back when it is not installed.
    public var fontFamily: String?
    public var personal: PersonalDetails

    public init(
        template: Template = .fridge, paper: Paper = .a6, landscape: Bool = false, margin: Double? = nil,
        theme: Theme.Name = .color, fontFamily: String? = nil, personal: PersonalDetails = PersonalDetails()
    ) {
        self.fontFamily = fontFamily
        self.template = template
        self.paper = paper
        self.landscape = landscape
        self.margin = margin
        self.theme = theme
        self.personal = personal
    }

    /// The page size after orientation.
    public var pageSize: Size {
        landscape ? Size(width: paper.height, height: paper.width) : Size(width: paper.width, height: paper.height)
    }
}
