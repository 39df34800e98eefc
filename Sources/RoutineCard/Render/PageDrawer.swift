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
        for element in page.elements {
            switch element {
            case .shape(let shape): draw(shape, on: canvas)
            case .text(let text):
                let tag = Self.structureTag(text.role)
                if tagged { canvas.beginTag(tag) }
                // cairo 1.16 reads the attribute's numbers in the C locale; a quoted string needs ' and \ escaped.
                let link =
                    tagged ? text.link.map { "uri='\($0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'"))'" } : nil
                if let link { canvas.beginTag("Link", attributes: link) }
                try draw(text, on: canvas)
                if link != nil { canvas.endTag("Link") }
                if tagged { canvas.endTag(tag) }
            case .image(let image):
                let figure = tagged && image.alt != nil
                if figure { canvas.beginTag("Figure") }
                try pictures.draw(image, on: canvas)
                if figure { canvas.endTag("Figure") }
            case .card(let card): try draw(card, on: canvas)
            }
        }
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

    private func draw(_ shape: PlacedShape, on canvas: Canvas) {
        let f = shape.frame
        switch shape.kind {
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

func rgb(_ color: Color) -> RGBColor { RGBColor(red: color.red, green: color.green, blue: color.blue) }
