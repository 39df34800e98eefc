internal import Graphics

/// Draws placed pages on a cairo canvas. It decides nothing about layout: every position comes
/// from the ``PlacedPage``.
struct PageDrawer {
    let measurer: PangoMeasurer
    let pictures: PictureCache
    /// Marks each text and picture as a PDF structure element (headings, paragraphs, figures) in
    /// drawing order, which is reading order; decoration stays outside the structure.
    var tagged = false

    func draw(_ page: PlacedPage, on canvas: Canvas) throws {
        canvas.addRectangle(x: -page.bleed, y: -page.bleed, width: page.size.width + 2 * page.bleed, height: page.size.height + 2 * page.bleed)
        canvas.fill(rgb(page.background))
        var lists = ListTags(canvas: tagged ? canvas : nil)
        for element in page.elements {
            switch element {
            case .shape(let shape):
                // A QR code is a figure (its address is its alternative text) and a link to that address.
                let code = if case .qrCode = shape.kind, tagged, let link = shape.link { link } else { String?.none }
                if let code {
                    canvas.beginTag("Figure")
                    canvas.beginTag("Link", attributes: Self.uriAttribute(code))
                }
                draw(shape, on: canvas)
                if code != nil {
                    canvas.endTag("Link")
                    canvas.endTag("Figure")
                }
            case .text(let text):
                lists.enter(text.listItem, isLabel: text.role == .label)
                let tag = lists.isLabelOpen ? nil : Self.structureTag(text.role)
                if tagged, let tag { canvas.beginTag(tag) }
                // cairo 1.16 reads the attribute's numbers in the C locale; a quoted string needs ' and \ escaped.
                let link = tagged ? text.link.map(Self.uriAttribute) : nil
                if let link { canvas.beginTag("Link", attributes: link) }
                try draw(text, on: canvas)
                if link != nil { canvas.endTag("Link") }
                if tagged, let tag { canvas.endTag(tag) }
            case .image(let image):
                let figure = tagged && image.alt != nil
                if figure { lists.enter(image.listItem, isLabel: false) }
                if figure { canvas.beginTag("Figure") }
                try pictures.draw(image, on: canvas)
                if figure { canvas.endTag("Figure") }
            case .card(let card):
                lists.close()
                try draw(card, on: canvas)
            }
        }
        lists.close()
        try canvas.checkStatus("drawing a page")
    }

    /// A card on a sheet: moved to its place and turned, then drawn like a page of its own.
    private func draw(_ placed: PlacedCard, on canvas: Canvas) throws {
        let size = placed.card.size
        canvas.save()
        canvas.translate(x: placed.origin.x, y: placed.origin.y)
        switch placed.quarterTurns % 4 {
        case 1: canvas.translate(x: size.height, y: 0)
        case 2: canvas.translate(x: size.width, y: size.height)
        case 3: canvas.translate(x: 0, y: size.width)
        default: break
        }
        canvas.rotate(radians: Double(placed.quarterTurns % 4) * Double.pi / 2)
        // On a sheet, cards are cut at their trim: nothing may spill into the gutters and marks.
        canvas.clip(x: 0, y: 0, width: size.width, height: size.height)
        var card = placed.card
        card.bleed = 0
        try draw(card, on: canvas)
        canvas.restore()
    }

    /// cairo 1.16 reads a tag's attribute string itself: a quoted string needs ' and \ escaped.
    static func uriAttribute(_ uri: String) -> String {
        "uri='\(uri.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'"))'"
    }

    /// The quiet zone, then every dark module as one path filled once, so that neighbouring
    /// squares meet without hairline seams when rasterised.
    private func draw(_ matrix: QRMatrix, in frame: Rect, quietZone: Color, on canvas: Canvas) {
        canvas.addRectangle(x: frame.x, y: frame.y, width: frame.width, height: frame.height)
        canvas.fill(rgb(quietZone))
        let module = frame.width / Double(matrix.sideWithQuietZone)
        let origin = Double(QRMatrix.quietZone) * module
        for row in 0..<matrix.side {
            var column = 0
            while column < matrix.side {
                guard matrix.dark[row * matrix.side + column] else {
                    column += 1
                    continue
                }
                // A run of dark modules along the row is one rectangle.
                var end = column
                while end < matrix.side, matrix.dark[row * matrix.side + end] { end += 1 }
                canvas.addRectangle(
                    x: frame.x + origin + Double(column) * module, y: frame.y + origin + Double(row) * module,
                    width: Double(end - column) * module, height: module)
                column = end
            }
        }
        canvas.fill(rgb(.black))
    }

    private func draw(_ shape: PlacedShape, on canvas: Canvas) {
        let f = shape.frame
        switch shape.kind {
        case .qrCode(let matrix):
            draw(matrix, in: f, quietZone: shape.fill ?? .white, on: canvas)
            return
        case .rectangle(let radius): canvas.addRectangle(x: f.x, y: f.y, width: f.width, height: f.height, radius: radius)
        case .checkCell: canvas.addRectangle(x: f.x, y: f.y, width: f.width, height: f.height, radius: min(f.width, f.height) * 0.15)
        case .circle: canvas.addCircle(centerX: f.x + f.width / 2, centerY: f.y + f.height / 2, radius: min(f.width, f.height) / 2)
        case .line:
            canvas.move(x: f.minX, y: f.minY)
            canvas.line(x: f.maxX, y: f.maxY)
        }
        if let fill = shape.fill, shape.kind != .line {
            if shape.stroke != nil { canvas.save() }
            canvas.fill(rgb(fill))
            if shape.stroke != nil { canvas.restore() }
        }
        if let stroke = shape.stroke { canvas.stroke(rgb(stroke), lineWidth: shape.lineWidth) }
    }

    /// The PDF structure type for a kind of text.
    static func structureTag(_ role: TextRole) -> String {
        switch role {
        case .title: "H1"
        case .heading: "H2"
        case .name: "H3"
        case .subtitle, .dose, .body, .caution, .label, .footer: "P"
        }
    }

    private func draw(_ text: PlacedText, on canvas: Canvas) throws {
        let request = TextRequest(
            text: text.text, emphasis: text.emphasis, font: text.font, alignment: text.alignment, width: text.frame.width, language: text.language)
        let layout = try measurer.layout(request)
        canvas.draw(layout, x: text.frame.x, y: text.frame.y, color: rgb(text.color))
    }
}

/// Opens and closes a tagged PDF's list structure around the elements of exercises: an `L` around
/// consecutive items, an `LI` per item holding its number (`Lbl`) and the rest (`LBody`).
private struct ListTags {
    let canvas: Canvas?
    private var item: Int?
    private var listOpen = false
    private var bodyOpen = false
    /// The element being drawn is an item's number, inside `Lbl`, and takes no tag of its own.
    private(set) var isLabelOpen = false

    init(canvas: Canvas?) { self.canvas = canvas }

    /// Before drawing an element of list item `next` (nil: not in a list).
    mutating func enter(_ next: Int?, isLabel: Bool) {
        guard let canvas else { return }
        if isLabelOpen {
            canvas.endTag("Lbl")
            isLabelOpen = false
        }
        if next != item {
            closeItem()
            if next == nil, listOpen {
                canvas.endTag("L")
                listOpen = false
            }
            if next != nil {
                if !listOpen { canvas.beginTag("L") }
                listOpen = true
                canvas.beginTag("LI")
            }
            item = next
        }
        guard item != nil else { return }
        if isLabel {
            if bodyOpen { canvas.endTag("LBody") }
            bodyOpen = false
            canvas.beginTag("Lbl")
            isLabelOpen = true
        } else if !bodyOpen {
            canvas.beginTag("LBody")
            bodyOpen = true
        }
    }

    private mutating func closeItem() {
        guard let canvas, item != nil else { return }
        if isLabelOpen { canvas.endTag("Lbl") }
        if bodyOpen { canvas.endTag("LBody") }
        canvas.endTag("LI")
        isLabelOpen = false
        bodyOpen = false
        item = nil
    }

    /// At the end of a page (structure cannot span pages in cairo 1.16).
    mutating func close() {
        guard let canvas else { return }
        closeItem()
        if listOpen { canvas.endTag("L") }
        listOpen = false
    }
}

func rgb(_ color: Color) -> RGBColor { RGBColor(red: color.red, green: color.green, blue: color.blue) }
