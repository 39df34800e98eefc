import RoutineCardModel

/// What a card's handout parts need from outside layout: the QR codes of the routine's videos
/// (encoded by the drawing library) and the logo's shape.
package struct HandoutInputs: Sendable, Hashable {
    /// The QR code for each video address on the card.
    package var qrCodes: [String: QRMatrix]
    /// The logo's width over its height.
    package var logoAspect: Double?

    package init(qrCodes: [String: QRMatrix] = [:], logoAspect: Double? = nil) {
        self.qrCodes = qrCodes
        self.logoAspect = logoAspect
    }

    package static let none = HandoutInputs()
}

/// The clinician's parts of a card: logo and contact, QR codes to videos, the symptom diary.
extension CardBlocks {
    /// The least width of a QR code's symbol (quiet zone not counted): what phone cameras read from print.
    package static let smallestQRSymbol = Units.mm(12)
    /// The least width of one module: smaller squares blur in print.
    package static let smallestQRModule = Units.mm(0.3)
    /// The module width aimed at, when the symbol may grow past its least width.
    static let comfortableQRModule = Units.mm(0.35)

    /// The least width of a QR code's symbol on this template: a handout, held further away, prints larger.
    private var leastQRSymbol: Double { options.template == .sheet ? Units.mm(16) : Self.smallestQRSymbol }

    /// The widest a QR code's symbol may grow on this template.
    private var largestQRSymbol: Double { options.template == .sheet ? Units.mm(25) : Units.mm(18) }

    /// The QR code for `url` when the card prints QR codes and one was encoded, with a caption.
    func qrCode(for url: String?, caption: String?) -> QRCodeBlock? {
        guard options.qrCodes, let url, let matrix = inputs.qrCodes[url] else { return nil }
        let symbol = min(max(leastQRSymbol, Double(matrix.side) * Self.comfortableQRModule), largestQRSymbol)
        let side = symbol * Double(matrix.sideWithQuietZone) / Double(matrix.side)
        let spec = TextSpec(size: max(s(style.footer), 6), bold: true, color: theme.muted, role: .label, alignment: .center)
        return QRCodeBlock(matrix: matrix, url: url, side: side, caption: caption.map { TextBlock(plain: $0, spec) })
    }

    /// The logo beside the contact lines (and the routine's video code), `logoHeight` tall; nil
    /// when there is nothing of the clinic to print.
    func brandingRow(logoHeight: Double, contactSize: Double, alignment: TextAlignment = .left) -> Block? {
        let branding = options.branding
        let routineCode = qrCode(for: routine.video, caption: handout.video)
        guard !branding.isEmpty || routineCode != nil else { return nil }
        var columns: [(block: Block, width: HStack.Width)] = []
        if let logo = branding.logo {
            // A wide logo keeps its height within reason; a tall one its width.
            let aspect = min(max(inputs.logoAspect ?? 1, 0.5), 5)
            let width = logoHeight * aspect
            let alt = branding.contact.first.map { "\($0) logo" } ?? "Clinic logo"
            columns.append((Picture(source: logo, size: Size(width: width, height: logoHeight), alt: alt), .fixed(width)))
        }
        if !branding.contact.isEmpty {
            let lines = branding.contact.enumerated().map { index, line in
                TextBlock(
                    plain: line, TextSpec(size: contactSize, bold: index == 0, color: index == 0 ? theme.text : theme.muted, role: .label, alignment: alignment)
                )
            }
            columns.append((VStack(children: lines, spacing: Glue(s(0.5), min: 0)), .flexible(1)))
        } else {
            columns.append((Spacer(fixedHeight: 0), .flexible(1)))
        }
        if let routineCode { columns.append((routineCode, .fixed(routineCode.side))) }
        return HStack(columns: columns, spacing: s(5))
    }

    /// "Next review: 12 March 2027".
    var reviewLine: String? {
        options.personal.review.map { "\(handout.review): \(handout.format($0))" }
    }

    /// The symptom diary, sized for the template; nil when the card has none.
    func diary() -> Block? {
        guard let columns = options.diaryColumns(for: routine) else { return nil }
        let size = s(max(style.body - 1, 7))
        return DiaryTable(
            columns: columns, weekdays: labels.weekdays, labels: handout,
            labelSpec: TextSpec(size: size, bold: true, color: theme.muted, role: .label),
            hintSpec: TextSpec(size: size * 0.85, color: theme.muted, role: .label),
            warningSpec: TextSpec(size: s(style.body), bold: true, color: theme.caution, role: .caution),
            // Room to write a number by hand: 6 mm on a card, 8 mm on a handout.
            rowHeight: Units.mm(options.template == .sheet ? 8 : 6), stroke: theme.accent, lineWidth: 0.6)
    }
}
