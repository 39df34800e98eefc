import Foundation
internal import Graphics

/// Parsed pictures for one worker. A drawing is parsed once per worker and theme, then drawn as
/// vectors (SVG) or scaled pixels (PNG). librsvg handles are not safe to share between threads, so
/// each worker keeps its own.
final class PictureCache {
    private enum Picture {
        case vector(SVGImage)
        case raster(RasterImage)
    }

    private struct Key: Hashable {
        var source: String
        var theme: Theme.Name
    }

    private var pictures: [Key: Picture] = [:]

    func draw(_ image: PlacedImage, on canvas: Canvas) throws {
        let frame = image.frame
        switch try picture(Key(source: image.source, theme: image.theme)) {
        case .vector(let svg): try svg.draw(on: canvas, x: frame.x, y: frame.y, width: frame.width, height: frame.height)
        case .raster(let png): try png.draw(on: canvas, x: frame.x, y: frame.y, width: frame.width, height: frame.height)
        }
    }

    private func picture(_ key: Key) throws -> Picture {
        if let cached = pictures[key] { return cached }
        let picture: Picture
        if let path = Illustrations.builtInPaths[key.source], let data = AssetStore.data(path) {
            picture = .vector(try SVGImage(bytes: IllustrationStyle.styled([UInt8](data), theme: key.theme)))
        } else if key.source.hasPrefix("/") {
            let url = URL(fileURLWithPath: key.source)
            if let problem = PictureFiles.problem(at: url) { throw RenderError(description: problem) }
            let bytes = [UInt8](try Data(contentsOf: url))
            picture = url.pathExtension.lowercased() == "svg" ? .vector(try SVGImage(bytes: bytes)) : .raster(try RasterImage(pngBytes: bytes))
        } else {
            throw RenderError(description: "no picture is called '\(key.source)'; see `routinecard list --illustrations`")
        }
        pictures[key] = picture
        return picture
    }
}
