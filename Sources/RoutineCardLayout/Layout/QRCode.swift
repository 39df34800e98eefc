import RoutineCardModel

/// A QR code's modules, row by row, without the quiet zone around them.
package struct QRMatrix: Hashable, Sendable, Codable {
    /// Modules along each side.
    package var side: Int
    /// `side` × `side` values, true for a dark module.
    package var dark: [Bool]

    package init(side: Int, dark: [Bool]) {
        self.side = side
        self.dark = dark
    }

    /// Modules of light margin on every side that readers need to find the code (the standard's four).
    package static let quietZone = 4

    /// Modules across, quiet zone included.
    package var sideWithQuietZone: Int { side + 2 * Self.quietZone }
}

/// A QR code drawn as vector squares in its quiet zone, linking to what it encodes.
struct QRCodeBlock: Block {
    var matrix: QRMatrix
    var url: String
    /// The width of the code with its quiet zone.
    var side: Double
    /// A word under it ("Video"), small.
    var caption: TextBlock?

    func height(width: Double, in context: LayoutContext) throws -> Double {
        side + (try caption.map { try $0.height(width: side, in: context) } ?? 0)
    }

    func place(in frame: Rect, in context: LayoutContext, into elements: inout [PlacedElement]) throws {
        var shape = PlacedShape(kind: .qrCode(matrix), frame: Rect(x: frame.x, y: frame.y, width: side, height: side), fill: .white)
        shape.link = url
        elements.append(.shape(shape))
        if let caption {
            let height = try caption.height(width: side, in: context)
            // The quiet zone is blank: the caption tucks up into it by two modules.
            let lift = side / Double(matrix.sideWithQuietZone) * 2
            try caption.place(in: Rect(x: frame.x, y: frame.y + side - lift, width: side, height: height), in: context, into: &elements)
        }
    }
}
