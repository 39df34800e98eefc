import RoutineCardModel

/// A heading over evenly spaced lines that fill a given height: room on a handout for the
/// clinician to write in.
struct RuledArea: Block {
    var heading: Block
    var height: Double
    var lineGap: Double
    var color: Color
    var lineWidth: Double

    func height(width: Double, in context: LayoutContext) throws -> Double { height }

    func place(in frame: Rect, in context: LayoutContext, into elements: inout [PlacedElement]) throws {
        let headingHeight = try heading.height(width: frame.width, in: context)
        try heading.place(in: Rect(x: frame.x, y: frame.y, width: frame.width, height: headingHeight), in: context, into: &elements)
        var y = frame.y + headingHeight + lineGap
        // The last line keeps clear of the footer's rule below the area.
        while y <= frame.maxY - lineGap / 3 {
            elements.append(
                .shape(PlacedShape(kind: .line, frame: Rect(x: frame.x, y: y, width: frame.width, height: 0), stroke: color, lineWidth: lineWidth)))
            y += lineGap
        }
    }
}
