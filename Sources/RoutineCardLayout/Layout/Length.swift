import Foundation
import RoutineCardModel

/// Lengths written by users: `8mm`, `0.5in`, `1cm`, `12pt`.
package enum Length {
    /// A problem with a length the user gave.
    package struct ParseError: Error, Sendable, CustomStringConvertible {
        package var description: String
    }

    /// The units users may write, with points per unit.
    static let units: [(name: String, points: Double)] = [
        ("mm", Units.pointsPerMillimetre), ("cm", Units.pointsPerMillimetre * 10), ("in", 72), ("pt", 1),
    ]

    /// Reads a length with a unit (mm, cm, in, pt) into points.
    package static func parse(_ text: String) throws(ParseError) -> Double {
        let key = text.lowercased().trimmingCharacters(in: .whitespaces)
        guard let (unit, factor) = units.first(where: { key.hasSuffix($0.name) }),
            let value = Double(key.dropLast(unit.count).trimmingCharacters(in: .whitespaces)), value.isFinite
        else {
            throw ParseError(description: "cannot read the length '\(text)'; write a number with a unit, like 8mm, 0.25in or 12pt")
        }
        return value * factor
    }
}
