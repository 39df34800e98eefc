import RoutineCardModel

/// A point in page coordinates: points (1/72 inch) from the top-left corner of the trimmed page.
package struct Point: Hashable, Sendable, Codable {
    package var x: Double
    package var y: Double
    package init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// A width and height in points.
package struct Size: Hashable, Sendable, Codable {
    package var width: Double
    package var height: Double
    package init(width: Double, height: Double) { self.width = width; self.height = height }
}

/// An axis-aligned rectangle in points, y growing downwards.
package struct Rect: Hashable, Sendable, Codable {
    package var x: Double
    package var y: Double
    package var width: Double
    package var height: Double

    package init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    package var minX: Double { x }
    package var minY: Double { y }
    package var maxX: Double { x + width }
    package var maxY: Double { y + height }

    /// The rectangle moved inwards by `inset` on every side.
    package func insetBy(_ inset: Double) -> Rect {
        Rect(x: x + inset, y: y + inset, width: max(0, width - 2 * inset), height: max(0, height - 2 * inset))
    }

    /// True when `other` lies wholly inside, allowing `tolerance` points for rounding.
    package func contains(_ other: Rect, tolerance: Double = 0.01) -> Bool {
        other.minX >= minX - tolerance && other.minY >= minY - tolerance
            && other.maxX <= maxX + tolerance && other.maxY <= maxY + tolerance
    }

    /// True when the two rectangles share some area (touching edges do not count).
    package func overlaps(_ other: Rect, tolerance: Double = 0.01) -> Bool {
        minX < other.maxX - tolerance && other.minX < maxX - tolerance
            && minY < other.maxY - tolerance && other.minY < maxY - tolerance
    }
}

/// Space around content, in points.
package struct EdgeInsets: Hashable, Sendable, Codable {
    package var top: Double, left: Double, bottom: Double, right: Double

    package init(top: Double, left: Double, bottom: Double, right: Double) {
        self.top = top
        self.left = left
        self.bottom = bottom
        self.right = right
    }

    package init(vertical: Double, horizontal: Double) {
        self.init(top: vertical, left: horizontal, bottom: vertical, right: horizontal)
    }
}

/// Converts lengths to points.
package enum Units {
    package static let pointsPerMillimetre = 72.0 / 25.4
    package static func mm(_ value: Double) -> Double { value * pointsPerMillimetre }
}
