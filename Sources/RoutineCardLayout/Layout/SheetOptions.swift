import Foundation
import RoutineCardModel

/// How cards go onto printer sheets.
public struct SheetOptions: Hashable, Sendable {
    /// The printer paper.
    public enum Kind: String, Sendable, CaseIterable {
        /// A full A4 page (210 × 297 mm) or a full US Letter page (8.5 × 11 in).
        case a4, letter
        /// A page of exactly the area A4 and Letter share (210 × 279.4 mm), so that a printer's
        /// default scaling leaves it at 100 % on either paper.
        case any
    }

    /// Which way the paper turns for printing the back.
    public enum Flip: String, Sendable, CaseIterable {
        /// Turned over its long edge (most printers' default).
        case long
        /// Turned over its short edge.
        case short
    }

    /// How many copies of the cards a document holds.
    public enum Copies: Hashable, Sendable, ExpressibleByIntegerLiteral {
        /// This many copies of the whole set of cards (at least one), collated.
        case count(Int)
        /// One set of cards, then more copies, in order, until the last sheet has no free place
        /// (one fridge card on A4: four).
        case fill

        public init(integerLiteral value: Int) { self = .count(value) }
    }

    /// The printer paper.
    public var kind: Kind
    /// How many copies of the cards.
    public var copies: Copies
    /// How the printer turns the paper for the back.
    public var flip: Flip
    /// How far the back side prints from where it should, measured with `routinecard calibrate`;
    /// backs are moved the other way by this much (points, x to the right, y down).
    package var backOffset: Point

    /// - Parameters:
    ///   - backOffsetX: how far right of where it should the back side prints, in points.
    ///   - backOffsetY: how far below where it should the back side prints, in points.
    public init(kind: Kind = .a4, copies: Copies = .count(1), flip: Flip = .long, backOffsetX: Double = 0, backOffsetY: Double = 0) {
        self.kind = kind
        if case .count(let count) = copies { self.copies = .count(max(1, count)) } else { self.copies = copies }
        self.flip = flip
        self.backOffset = Point(x: backOffsetX, y: backOffsetY)
    }

    /// The area both A4 and Letter hold: the `any` sheet's page.
    package static let sharedArea = Paper(name: "any", width: Units.mm(210), height: Units.mm(279.4))

    /// The page the sheet is drawn on.
    package var paper: Paper {
        switch kind {
        case .a4: .a4
        case .letter: .letter
        case .any: Self.sharedArea
        }
    }
}
