import Foundation
internal import Graphics

/// Parsed pictures for one worker. A drawing is parsed once per worker and theme, then drawn as
/// vectors (SVG) or scaled pixels (PNG). librsvg handles are not safe to share between threads, so
/// each worker keeps its own. The cache holds at most ``byteBudget`` bytes of decoded pictures and
/// forgets the least recently used first, so a long batch of large pictures stays within it.
final class PictureCache {
    private enum Picture {
        case vector(SVGImage)
        case raster(RasterImage)
    }

    private struct Key: Hashable {
        var source: String
        var theme: Theme.Name
    }

    private struct Entry {
        var picture: Picture
        var bytes: Int
        var lastUse: Int
    }

    /// Decoded bytes one worker may keep (a 10 megapixel PNG is 40 MB).
    static let byteBudget = 64 << 20

    private var entries: [Key: Entry] = [:]
    private var clock = 0
    private(set) var bytes = 0

    func draw(_ image: PlacedImage, on canvas: Canvas) throws {
        let frame = image.frame
        switch try picture(Key(source: image.source, theme: image.theme)) {
        case .vector(let svg): try svg.draw(on: canvas, x: frame.x, y: frame.y, width: frame.width, height: frame.height)
        case .raster(let png): try png.draw(on: canvas, x: frame.x, y: frame.y, width: frame.width, height: frame.height)
        }
    }

    private func picture(_ key: Key) throws -> Picture {
        clock += 1
        if let cached = entries[key] {
            entries[key]?.lastUse = clock
            return cached.picture
        }
        let picture: Picture
        let size: Int
        if let path = Illustrations.builtInPaths[key.source], let data = AssetStore.data(path) {
            picture = .vector(try SVGImage(bytes: IllustrationStyle.styled([UInt8](data), theme: key.theme)))
            size = data.count * 8
        } else if key.source.hasPrefix("/") {
            // A path the loader checked; the file may have changed since, so check it again before
            // decoding it (once: a decoding failure is reported by the decoder itself).
            let url = URL(fileURLWithPath: key.source)
            let isSVG = url.pathExtension.lowercased() == "svg"
            let data = try PictureFiles.boundedRead(url, isSVG: isSVG).mapError { RenderError(description: $0.message) }.get()
            if let problem = PictureFiles.contentProblem(in: data, name: key.source, isSVG: isSVG) { throw RenderError(description: problem) }
            if isSVG {
                picture = .vector(try SVGImage(bytes: [UInt8](data)))
                size = data.count * 8
            } else {
                let image = try RasterImage(pngBytes: [UInt8](data))
                picture = .raster(image)
                size = image.pixelWidth * image.pixelHeight * 4
            }
        } else if key.source.contains("/") || [".svg", ".png"].contains(where: key.source.lowercased().hasSuffix) {
            throw RenderError(
                description: "the picture '\(key.source)' is a relative path, and relative picture paths need the routine's folder: "
                    + "load the routine from its file (RoutineLoader.load(contentsOf:)), or give an absolute path")
        } else {
            throw RenderError(description: "no built-in picture is called '\(key.source)'")
        }
        store(Entry(picture: picture, bytes: size, lastUse: clock), for: key)
        return picture
    }

    private func store(_ entry: Entry, for key: Key) {
        while bytes + entry.bytes > Self.byteBudget, let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
            bytes -= oldest.value.bytes
            entries[oldest.key] = nil
        }
        entries[key] = entry
        bytes += entry.bytes
    }
}
