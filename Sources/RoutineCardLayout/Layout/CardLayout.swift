import RoutineCardModel

/// A routine laid out as pages, with what the fitter had to do.
package struct CardLayout: Hashable, Sendable, Codable {
    package var routineID: String
    package var pages: [PlacedPage]
    /// What the fitter did, in order (on a wallet card, to the fronts).
    package var adjustments: [LayoutAdjustment]
    /// What it did to a wallet card's backs; empty for one-sided cards.
    package var backAdjustments: [LayoutAdjustment]

    package init(routineID: String, pages: [PlacedPage], adjustments: [LayoutAdjustment], backAdjustments: [LayoutAdjustment] = []) {
        self.routineID = routineID
        self.pages = pages
        self.adjustments = adjustments
        self.backAdjustments = backAdjustments
    }

    /// Each adjustment with the side it was made to ("front: ", "back: ", or "" for a one-sided card).
    package var labelledAdjustments: [(side: String, adjustment: LayoutAdjustment)] {
        adjustments.map { (isWallet && !sidesFlowTogether ? "front: " : "", $0) } + backAdjustments.map { ("back: ", $0) }
    }

    /// The adjustments that gave something up to fit, in words ("shrunk body text to 8.5 pt",
    /// "continued on 2 pages"; "front: …" and "back: …" on a wallet card).
    package var notes: [String] {
        labelledAdjustments.filter(\.adjustment.isCompromise).map { "\($0.side)\($0.adjustment)" }
    }

    /// Set by the wallet template: fronts and backs alternate in ``pages``.
    package var isWallet = false
    /// A wallet card whose content flows over both sides together (it did not fit one front and one
    /// back); ``adjustments`` then concern every side.
    package var sidesFlowTogether = false
}
