import RoutineCardModel

/// Marks the texts and pictures a block places as one item of a list (an exercise with its
/// drawing, number, name, dose and steps), so a tagged PDF can say so. Changes nothing on the page.
struct ListItemMark: Block {
    var child: Block
    /// Unique on the card: consecutive items with different numbers are one list.
    var item: Int

    func height(width: Double, in context: LayoutContext) throws -> Double {
        try child.height(width: width, in: context)
    }

    func place(in frame: Rect, in context: LayoutContext, into elements: inout [PlacedElement]) throws {
        let start = elements.count
        try child.place(in: frame, in: context, into: &elements)
        for index in start..<elements.count {
            switch elements[index] {
            case .text(var text):
                text.listItem = item
                elements[index] = .text(text)
            case .image(var image):
                image.listItem = item
                elements[index] = .image(image)
            case .shape, .card: break
            }
        }
    }

    func split(width: Double, maxHeight: Double, in context: LayoutContext) throws -> (Block, Block)? {
        guard let (head, tail) = try child.split(width: width, maxHeight: maxHeight, in: context) else { return nil }
        return (ListItemMark(child: head, item: item), ListItemMark(child: tail, item: item))
    }
}
