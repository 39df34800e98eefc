import RoutineCardModel

/// A numbered circle marking an exercise.
struct Badge: Block {
    var label: String
    var diameter: Double
    var fill: Color
    var stroke: Color?
    var textColor: Color

    /// The badge grows and shrinks with the type around it.
    private func size(_ context: LayoutContext) -> Double { diameter * context.theme.typeScale * context.typeScale }

    func height(width: Double, in context: LayoutContext) throws -> Double { size(context) }

    func place(in frame: Rect, in context: LayoutContext, into elements: inout [PlacedElement]) throws {
        let diameter = size(context)
        let circle = Rect(x: frame.x, y: frame.y, width: diameter, height: diameter)
        elements.append(.shape(PlacedShape(kind: .circle, frame: circle, fill: fill, stroke: stroke, lineWidth: stroke == nil ? 0 : 1)))
        // The number keeps its size: it is a mark, not text that must shrink to fit. Sizes snap to
        // whole points: each distinct font costs Pango a font match and a metrics pass.
        let spec = TextSpec(size: (diameter * 0.55).rounded(), bold: true, color: textColor, role: .label, alignment: .center)
        let font = FontStyle(family: context.theme.fontFamily, size: spec.size, bold: true)
        let request = TextRequest(text: label, emphasis: [], font: font, alignment: .center, width: diameter)
        let metrics = try context.measurer.measure(request)
        elements.append(
            .text(
                PlacedText(
                    frame: Rect(x: circle.x, y: circle.y + (diameter - metrics.height) / 2, width: diameter, height: metrics.height),
                    text: label, emphasis: [], font: font, color: spec.color, alignment: .center, role: .label, lineCount: metrics.lineCount
                )))
    }
}

/// A section heading: coloured words followed by a thin rule to the right edge.
struct SectionHeading: Block {
    var text: TextBlock
    var ruleColor: Color

    func height(width: Double, in context: LayoutContext) throws -> Double {
        try text.height(width: width, in: context)
    }

    func place(in frame: Rect, in context: LayoutContext, into elements: inout [PlacedElement]) throws {
        try text.place(in: frame, in: context, into: &elements)
        let metrics = try text.metrics(width: frame.width, in: context)
        let start = frame.x + metrics.width + 6
        guard metrics.lineCount == 1, start < frame.maxX - 12 else { return }
        let y = frame.y + metrics.height * 0.55
        elements.append(
            .shape(
                PlacedShape(
                    kind: .line, frame: Rect(x: start, y: y, width: frame.maxX - start, height: 0),
                    stroke: ruleColor, lineWidth: 0.75)))
    }
}

/// A picture of fixed size (an illustration or icon); an exercise drawing may grow with
/// ``LayoutContext/pictureScale``.
struct Picture: Block {
    var source: String
    var size: Size
    var grows = false
    /// What the picture shows (see ``PlacedImage/alt``).
    var alt: String? = nil

    private func scaled(in context: LayoutContext) -> Size {
        grows ? Size(width: size.width * context.pictureScale, height: size.height * context.pictureScale) : size
    }

    func height(width: Double, in context: LayoutContext) throws -> Double { scaled(in: context).height }

    func place(in frame: Rect, in context: LayoutContext, into elements: inout [PlacedElement]) throws {
        let size = scaled(in: context)
        elements.append(
            .image(
                PlacedImage(
                    frame: Rect(x: frame.x, y: frame.y, width: min(size.width, frame.width), height: size.height),
                    source: source, theme: context.theme.name, alt: alt)))
    }
}
