import RoutineCardModel

/// A piece of layout that measures itself at a width and places its elements in a frame
/// (SwiftUI's `Layout`: measure, then place).
protocol Block {
    /// The height the block needs at `width`.
    func height(width: Double, in context: LayoutContext) throws -> Double
    /// Adds the block's elements inside `frame` (which is at least as tall as ``height(width:in:)``).
    func place(in frame: Rect, in context: LayoutContext, into elements: inout [PlacedElement]) throws
    /// Breaks the block into a first part no taller than `maxHeight` and the rest; nil when it cannot.
    func split(width: Double, maxHeight: Double, in context: LayoutContext) throws -> (Block, Block)?
}

extension Block {
    func split(width: Double, maxHeight: Double, in context: LayoutContext) throws -> (Block, Block)? { nil }
}

/// Empty space of a fixed height.
struct Spacer: Block {
    var fixedHeight: Double
    func height(width: Double, in context: LayoutContext) throws -> Double { fixedHeight }
    func place(in frame: Rect, in context: LayoutContext, into elements: inout [PlacedElement]) throws {}
}
