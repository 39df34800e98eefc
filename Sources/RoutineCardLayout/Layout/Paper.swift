import Foundation
import RoutineCardModel

/// A page size in points (portrait: width ≤ height for the named sizes).
public struct Paper: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The name users choose it by (`a6`, `letter`), or its size for a custom paper.
    public var name: String
    /// Width in points (1/72 inch), upright.
    public var width: Double
    /// Height in points (1/72 inch), upright.
    public var height: Double

    /// A paper of any size, in points.
    public init(name: String, width: Double, height: Double) {
        self.name = name
        self.width = width
        self.height = height
    }

    /// ISO A4, 210 × 297 mm: the sheet template's paper.
    public static let a4 = Paper(name: "a4", width: Units.mm(210), height: Units.mm(297))
    /// ISO A5, 148 × 210 mm.
    public static let a5 = Paper(name: "a5", width: Units.mm(148), height: Units.mm(210))
    /// ISO A6, 105 × 148 mm: the fridge card's paper.
    public static let a6 = Paper(name: "a6", width: Units.mm(105), height: Units.mm(148))
    /// ISO A7, 74 × 105 mm: eight to an A4 sheet.
    public static let a7 = Paper(name: "a7", width: Units.mm(74), height: Units.mm(105))
    /// US Letter, 8.5 × 11 in.
    public static let letter = Paper(name: "letter", width: 612, height: 792)
    /// Half Letter, 5.5 × 8.5 in.
    public static let halfLetter = Paper(name: "half-letter", width: 396, height: 612)
    /// Quarter Letter, 4.25 × 5.5 in: four to a Letter sheet.
    public static let quarterLetter = Paper(name: "quarter-letter", width: 306, height: 396)
    /// An index card, 4 × 6 in.
    public static let index4x6 = Paper(name: "4x6in", width: 288, height: 432)
    /// An index card, 5 × 7 in.
    public static let index5x7 = Paper(name: "5x7in", width: 360, height: 504)
    /// An index card, 3 × 5 in.
    public static let index3x5 = Paper(name: "3x5in", width: 216, height: 360)
    /// ISO/IEC 7810 ID-1, the size of a bank card, landscape.
    public static let wallet = Paper(name: "wallet", width: Units.mm(85.6), height: Units.mm(54))

    /// The named sizes `--paper` accepts.
    public static let named: [Paper] = [.a4, .a5, .a6, .a7, .letter, .halfLetter, .quarterLetter, .index4x6, .index5x7, .index3x5, .wallet]

    /// The name.
    public var description: String { name }

    /// A problem with a paper size the user gave.
    package struct ParseError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Reads a named size (`a6`, `letter`, `4x6in`) or a custom `WxH` with a unit (`100x150mm`,
    /// `4x6in`, `10x15cm`, `288x432pt`).
    package static func parse(_ text: String) throws(ParseError) -> Paper {
        let key = text.lowercased().trimmingCharacters(in: .whitespaces)
        if let paper = named.first(where: { $0.name == key }) { return paper }
        guard let (unit, factor) = Length.units.first(where: { key.hasSuffix($0.name) }) else {
            throw ParseError(
                description: "unknown paper '\(text)'; use one of \(named.map(\.name).joined(separator: ", ")) or a size like 100x150mm (units: mm, cm, in, pt)"
            )
        }
        let numbers = key.dropLast(unit.count).split(separator: "x", omittingEmptySubsequences: false)
        guard numbers.count == 2, let w = Double(numbers[0].trimmingCharacters(in: .whitespaces)),
            let h = Double(numbers[1].trimmingCharacters(in: .whitespaces))
        else {
            throw ParseError(description: "cannot read the paper size '\(text)'; write it as WIDTHxHEIGHT with a unit, like 100x150mm")
        }
        let width = w * factor, height = h * factor
        guard width.isFinite, height.isFinite, width > 0, height > 0 else {
            throw ParseError(description: "the paper size '\(text)' must be larger than zero on both sides")
        }
        let largest = Units.mm(2000), smallest = Units.mm(20)
        guard width <= largest, height <= largest else {
            throw ParseError(description: "the paper size '\(text)' is larger than 2 m; check the unit")
        }
        guard width >= smallest, height >= smallest else {
            throw ParseError(description: "the paper size '\(text)' is smaller than 20 mm on a side; nothing legible fits")
        }
        return Paper(name: key, width: width, height: height)
    }
}
