/// The rules that colour the built-in drawings for a theme. The SVG files carry only shapes
/// and class names (`figure`, `stretch`, `motion`, `prop`, `warm`, `cool`…); every theme styles
/// the same drawings, so there is one set of art, not one per theme.
enum IllustrationStyle {
    /// The drawing with each `class="name"` replaced by that class's properties as presentation
    /// attributes (`fill="…" stroke="…"`), which mean the same to an SVG renderer. librsvg parses a
    /// stylesheet and matches its selectors again for every drawing (over half a million
    /// instructions each, more than drawing it); attributes cost next to nothing.
    static func styled(_ svg: [UInt8], theme: Theme.Name) -> [UInt8] {
        let attributes = attributesByTheme[theme] ?? [:]
        let marker = Array("class=\"".utf8), quote = UInt8(ascii: "\"")
        var result: [UInt8] = []
        result.reserveCapacity(svg.count * 2)
        var index = 0
        while index < svg.count {
            if svg[index] == marker[0], svg[index...].starts(with: marker),
                let end = svg[(index + marker.count)...].firstIndex(of: quote)
            {
                let name = String(decoding: svg[(index + marker.count)..<end], as: UTF8.self)
                result += attributes[name] ?? Array(svg[index...end])
                index = end + 1
            } else {
                result.append(svg[index])
                index += 1
            }
        }
        return result
    }

    /// For each theme, class name → its properties written as attributes.
    private static let attributesByTheme: [Theme.Name: [String: [UInt8]]] = Dictionary(
        uniqueKeysWithValues: Theme.Name.allCases.map { theme in
            (
                theme,
                Dictionary(
                    uniqueKeysWithValues: rules(theme).map { name, properties in
                        (name, Array(properties.map { "\($0.0)=\"\($0.1)\"" }.joined(separator: " ").utf8))
                    })
            )
        })

    /// Class name and its properties, for each class the drawings use.
    /// Class name → properties, for each theme (internal for the test that checks them as a stylesheet).
    static func rules(_ theme: Theme.Name) -> [(String, [(String, String)])] {
        let p = palette(theme)
        return [
            ("figure", [("fill", "none"), ("stroke", p.figure), ("stroke-width", "5"), ("stroke-linecap", "round"), ("stroke-linejoin", "round")]),
            ("head", [("fill", p.figure), ("stroke", "none")]),
            ("palm", [("fill", "none"), ("stroke", p.figure), ("stroke-width", "3"), ("stroke-linecap", "round")]),
            ("stretch", [("fill", "none"), ("stroke", p.accent), ("stroke-opacity", p.stretchOpacity), ("stroke-width", "12"), ("stroke-linecap", "round")]),
            ("ghost", [("fill", "none"), ("stroke", p.figure), ("stroke-opacity", "0.25"), ("stroke-width", "5"), ("stroke-linecap", "round")]),
            ("motion", [("fill", "none"), ("stroke", p.accent), ("stroke-width", "3"), ("stroke-linecap", "round")]),
            ("arrowhead", [("fill", p.accent), ("stroke", "none")]),
            ("prop", [("fill", p.propFill), ("stroke", p.propStroke), ("stroke-width", "1.5")]),
            ("towel", [("fill", "none"), ("stroke", p.propStroke), ("stroke-width", "3"), ("stroke-linecap", "round")]),
            ("ground", [("fill", "none"), ("stroke", p.propStroke), ("stroke-width", "2"), ("stroke-linecap", "round")]),
            ("outline", [("fill", "none"), ("stroke", p.figure), ("stroke-width", "3.5"), ("stroke-linecap", "round"), ("stroke-linejoin", "round")]),
            ("fill-soft", [("fill", p.propFill), ("stroke", "none")]),
            ("warm", [("fill", p.warm), ("stroke", "none")]),
            ("warm-line", [("fill", "none"), ("stroke", p.warm), ("stroke-width", "3"), ("stroke-linecap", "round")]),
            ("cool", [("fill", p.cool), ("stroke", p.coolStroke), ("stroke-width", "2")]),
            ("snow", [("fill", "none"), ("stroke", p.snow), ("stroke-width", "3.5"), ("stroke-linecap", "round")]),
            ("water", [("fill", p.cool), ("fill-opacity", "0.6"), ("stroke", "none")]),
            ("fruit", [("fill", p.fruit), ("stroke", "none")]),
            ("leaf", [("fill", p.leaf), ("stroke", "none")]),
            ("alert", [("fill", p.alert), ("stroke", p.figure), ("stroke-width", "3.5"), ("stroke-linejoin", "round")]),
            ("mark", [("fill", p.figure), ("stroke", "none")]),
        ]
    }

    private struct Palette {
        var figure, accent, stretchOpacity, propFill, propStroke, warm, cool, coolStroke, snow, fruit, leaf, alert: String
    }

    private static func palette(_ theme: Theme.Name) -> Palette {
        switch theme {
        case .color:
            Palette(
                figure: "#1D2A30", accent: "#0F6E74", stretchOpacity: "0.3", propFill: "#E3E9EB", propStroke: "#9AAAB0",
                warm: "#E07A3F", cool: "#4A90C8", coolStroke: "none", snow: "#FFFFFF", fruit: "#C8453A", leaf: "#4C9A52", alert: "#E2A400")
        case .inkSaver:
            // Greyscale and light: thin tints instead of solid fills.
            Palette(
                figure: "#333333", accent: "#555555", stretchOpacity: "0.25", propFill: "none", propStroke: "#999999",
                warm: "#9A9A9A", cool: "#C4C4C4", coolStroke: "none", snow: "#FFFFFF", fruit: "#8C8C8C", leaf: "#5A5A5A", alert: "#E6E6E6")
        case .highContrast:
            Palette(
                figure: "#000000", accent: "#000000", stretchOpacity: "0.22", propFill: "#FFFFFF", propStroke: "#000000",
                warm: "#000000", cool: "#FFFFFF", coolStroke: "#000000", snow: "#000000", fruit: "#000000", leaf: "#000000", alert: "#FFFFFF")
        }
    }
}
