import Foundation
import RoutineCard
import RoutineCardBatch

/// What a client sends to render, validate or check a card: a routine (its file's text, a routine
/// object, or a built-in id), the card's options and the output.
struct RenderRequest: Codable, Sendable {
    /// The routine: a routine file's text (YAML or JSON), or a routine object.
    var routine: RoutineInput?
    /// A built-in routine's id, instead of `routine`.
    var builtin: String?
    /// `pdf`, `png` or `svg`.
    var format: String?
    /// Which page of a PNG or SVG (from 1).
    var page: Int?
    var options: CardFields?
}

/// A routine as sent: text to parse, or an object already in JSON.
enum RoutineInput: Codable, Sendable {
    case text(String)
    case json(Data)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .text(text)
        } else {
            self = .json(try JSONEncoder().encode(try container.decode(JSONValue.self)))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .json(let data): try container.encode(try JSONDecoder().decode(JSONValue.self, from: data))
        }
    }
}

/// The card options a client may set, as text like the command line's.
struct CardFields: Codable, Sendable {
    var template: String?
    var theme: String?
    var paper: String?
    var landscape: Bool?
    var language: String?
    var forName: String?
    var byName: String?
    var date: String?
    var note: String?
    var tracker: Bool?
    var dpi: Double?
    /// The clinic's contact lines (a logo cannot be named: the server reads no files).
    var contact: [String]?
    var qr: Bool?
    var diary: Bool?
    var review: String?

    enum CodingKeys: String, CodingKey {
        case template, theme, paper, landscape, language, date, note, tracker, dpi, contact, qr, diary, review
        case forName = "for"
        case byName = "by"
    }

    /// From query parameters (`?template=sheet&for=Sam`), for a routine sent as a YAML body.
    init(query: [String: String]) {
        template = query["template"]
        theme = query["theme"]
        paper = query["paper"]
        landscape = query["landscape"].map { $0 == "true" || $0 == "1" }
        language = query["language"]
        forName = query["for"]
        byName = query["by"]
        date = query["date"]
        note = query["note"]
        tracker = query["tracker"].map { $0 == "true" || $0 == "1" }
        dpi = query["dpi"].flatMap(Double.init)
        contact = query["contact"].map(CardSettings.contactLines)
        qr = query["qr"].map { $0 == "true" || $0 == "1" }
        diary = query["diary"].map { $0 == "true" || $0 == "1" }
        review = query["review"]
    }

    /// The same checks as the command line's options.
    var settings: CardSettings {
        var settings = CardSettings()
        settings.template = template
        settings.theme = theme
        settings.paper = paper
        settings.landscape = landscape ?? false
        settings.language = language
        settings.forName = forName
        settings.byName = byName
        settings.date = date
        settings.note = note
        settings.tracker = tracker ?? false
        settings.dpi = dpi
        settings.contact = contact
        settings.qr = qr ?? false
        settings.diary = diary ?? false
        settings.review = review
        return settings
    }
}

/// Any JSON value, to pass a routine object through to the routine loader as it was sent.
enum JSONValue: Codable, Sendable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value):
            // Whole numbers stay whole: the routine format wants `reps: 10`, not `10.0`.
            if value.rounded() == value, abs(value) < 1e15 { try container.encode(Int(value)) } else { try container.encode(value) }
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
