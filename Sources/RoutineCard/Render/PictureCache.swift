import Foundation
internal import Graphics

/// Parsed pictures for one worker: each SVG is parsed once and drawn as vectors.
final class PictureCache {
    private var svgs: [String: SVGImage] = [:]

    func draw(_ source: String, in frame: Rect, on canvas: Canvas) throws {
        let image = try svg(source)
        try image.draw(on: canvas, x: frame.x, y: frame.y, width: frame.width, height: frame.height)
    }

    private func svg(_ source: String) throws -> SVGImage {
        if let cached = svgs[source] { return cached }
        guard let path = Illustrations.builtInPaths[source], let data = AssetStore.data(path) else {
            throw RenderError(description: "no picture is called '\(source)'")
        }
        let image = try SVGImage(bytes: [UInt8](data))
        svgs[source] = image
        return image
    }
}
