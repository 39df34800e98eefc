import Foundation
import Testing
import TestSupport
@testable import Graphics
@testable import RoutineCard

struct IllustrationTests {
    static func pixels(_ image: SVGImage) throws -> [UInt8] {
        let surface = try Surface.image(pixelWidth: 120, pixelHeight: 120)
        let canvas = try Canvas(surface: surface)
        canvas.paint(RGBColor(hex: 0xFFFFFF))
        try image.draw(on: canvas, x: 0, y: 0, width: 120, height: 120)
        return try PNGEncoder().encode(surface)
    }

    @Test func everyBuiltInExerciseHasAnIllustrationThatLoadsInEveryTheme() throws {
        var exercises = 0
        for id in Routine.builtInIDs {
            for section in try Routine.builtIn(id).sections {
                guard case .exercises(let items) = section.content else { continue }
                for exercise in items {
                    exercises += 1
                    let name = try #require(exercise.illustration, "\(id): \(exercise.name) has no illustration")
                    #expect(Illustrations.builtInNames.contains(name))
                }
            }
        }
        #expect(exercises >= 12)
        for name in Illustrations.builtInNames {
            let data = try #require(AssetStore.data("illustrations/\(name).svg"))
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("<text") && !text.contains("<image") && !text.contains("href"), "\(name) must be plain paths")
            #expect(data.count < 4_000, "\(name) should stay small")
            for theme in Theme.Name.allCases {
                let styled = IllustrationStyle.styled([UInt8](data), theme: theme)
                #expect(!String(decoding: styled, as: UTF8.self).contains("class="), "\(name): a class the theme does not style")
                let image = try SVGImage(bytes: styled)
                #expect(image.intrinsicSize.width == 100 && image.intrinsicSize.height == 100)
                // Attributes must draw exactly what the stylesheet draws.
                let fromSheet = try SVGImage(bytes: [UInt8](data), stylesheet: IllustrationStyle.css(for: theme))
                #expect(try Self.pixels(image) == Self.pixels(fromSheet), "\(name) in \(theme)")
            }
        }
        for icon in ["heat", "cold", "contrast", "water", "fibre", "caution"] { #expect(Illustrations.builtInNames.contains(icon)) }
    }

    @Test func theFridgeCardDrawsAFigurePerStretchAsVectors() throws {
        let routine = try Routine.builtIn("leg-cramps")
        let card = try CardRenderer().render([routine], output: OutputOptions(format: .pdf))
        let images = card.layouts[0].pages.flatMap(\.elements).compactMap { if case .image(let image) = $0 { image.source } else { nil } }
        for name in ["calf-raise", "seated-toe-touch", "hamstring-stretch", "heat", "cold", "water"] { #expect(images.contains(name)) }
        let url = try ExternalTool.temporaryFolder().appendingPathComponent("card.pdf")
        try card.data.write(to: url)
        let list = try ExternalTool.run("pdfimages", ["-list", url.path])
        #expect(list.status == 0)
        #expect(list.output.split(separator: "\n").count == 2, "only the header lines, no raster images:\n\(list.output)")
    }

    @Test func theDrawingsFollowTheTheme() throws {
        // The same drawing takes each theme's colours: the rendered pixels differ.
        let routine = Routine(
            id: "one", title: "One",
            sections: [RoutineSection(id: "a", content: .exercises([Exercise(name: "Calf raise", illustration: "calf-raise", steps: ["Up."])]))])
        let color = try CardRenderer().render([routine], options: CardOptions(theme: .color), output: OutputOptions(format: .png, dpi: 50)).data
        let ink = try CardRenderer().render([routine], options: CardOptions(theme: .inkSaver), output: OutputOptions(format: .png, dpi: 50)).data
        #expect(color != ink)
    }
}

/// Pictures given by path in user routines.
struct UserPictureTests {
    let folder: URL

    init() throws { folder = try ExternalTool.temporaryFolder() }

    func routine(picture: String) -> String {
        "title: Mine\nsections:\n  - exercises:\n      - name: My move\n        illustration: \(picture)\n        steps: Do it.\n"
    }

    func load(_ yaml: String) throws(RoutineLoadError) -> Routine {
        let url = folder.appendingPathComponent("mine.yaml")
        try? Data(yaml.utf8).write(to: url)
        return try RoutineLoader.load(contentsOf: url)
    }

    @Test func aPNGPictureRendersIntoTheCard() throws {
        let pixels = [UInt8](repeating: 200, count: 40 * 30 * 3)
        try Data(PNGEncoder().encode(width: 40, height: 30, rgb: pixels)).write(to: folder.appendingPathComponent("my-move.png"))
        let loaded = try load(routine(picture: "./my-move.png"))
        let card = try CardRenderer().render([loaded], output: OutputOptions(format: .pdf))
        let url = folder.appendingPathComponent("mine.pdf")
        try card.data.write(to: url)
        let list = try ExternalTool.run("pdfimages", ["-list", url.path]).output
        #expect(list.split(separator: "\n").count == 3, "one raster image:\n\(list)")
        #expect(list.contains("40    30"))
    }

    @Test func anSVGPictureBesideTheRoutineRendersAsVectors() throws {
        try Data(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>"#.utf8)
            .write(to: folder.appendingPathComponent("dot.svg"))
        let loaded = try load(routine(picture: "dot.svg"))
        guard case .exercises(let items) = loaded.sections[0].content else { Issue.record("no exercises"); return }
        #expect(items[0].illustration == folder.appendingPathComponent("dot.svg").standardizedFileURL.path)
        #expect(try CardRenderer().render([loaded]).pageCount == 1)
    }

    @Test(arguments: [
        ("./missing.png", nil as String?, "there is no file"),
        ("./broken.png", "this is not a png", "is not a PNG file"),
        ("./broken.svg", "<svg><g></svg", "not a valid SVG"),
        (
            "./escape.svg",
            #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="../../etc/secret.png"/></svg>"#,
            "may not load other files"
        ),
        ("./remote.svg", #"<svg xmlns="http://www.w3.org/2000/svg"><image href="http://example.org/x.png"/></svg>"#, "may not load other files"),
    ])
    func aBadPictureIsAnErrorNamingTheFileAndLine(name: String, contents: String?, phrase: String) throws {
        if let contents { try Data(contents.utf8).write(to: folder.appendingPathComponent(String(name.dropFirst(2)))) }
        do {
            _ = try load(routine(picture: name))
            Issue.record("loaded a routine with a bad picture")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.line == 5)
            #expect(diagnostic.message.contains(name) && diagnostic.message.contains(phrase), "\(diagnostic)")
        }
    }
}

extension IllustrationStyle {
    /// The same rules as a stylesheet, which librsvg applies itself: the reference the attribute
    /// substitution is checked against.
    static func css(for theme: Theme.Name) -> String {
        rules(theme).map { name, properties in
            ".\(name) { " + properties.map { "\($0.0): \($0.1); " }.joined() + "}"
        }.joined(separator: "\n")
    }
}
