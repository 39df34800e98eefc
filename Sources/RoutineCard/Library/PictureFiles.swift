import Foundation
internal import Graphics

/// Checks pictures that routines name by path: they must exist, be a sane size, parse, and (for
/// SVG) load nothing from outside their own folder.
enum PictureFiles {
    static let maximumSVGBytes = 2_000_000
    static let maximumPNGBytes = 20_000_000
    static let maximumPixels = 10_000

    /// Why the picture at `url` cannot be used, or nil when it can.
    static func problem(at url: URL) -> String? {
        let path = url.path
        guard FileManager.default.fileExists(atPath: path) else { return "there is no file at \(path)" }
        guard FileManager.default.isReadableFile(atPath: path) else { return "\(path) cannot be read" }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let isSVG = url.pathExtension.lowercased() == "svg"
        let limit = isSVG ? maximumSVGBytes : maximumPNGBytes
        guard size <= limit else { return "\(path) is \(size / 1_000_000) MB; pictures may be at most \(limit / 1_000_000) MB" }
        guard let data = try? Data(contentsOf: url) else { return "\(path) cannot be read" }
        do {
            if isSVG {
                if let reference = outsideReference(in: data) {
                    return "\(path) refers to '\(reference)' outside its own folder; pictures may only use files beside them"
                }
                _ = try SVGImage(bytes: [UInt8](data))
            } else {
                let image = try RasterImage(pngBytes: [UInt8](data))
                guard image.pixelWidth <= maximumPixels, image.pixelHeight <= maximumPixels else {
                    return "\(path) is \(image.pixelWidth) × \(image.pixelHeight) pixels; at most \(maximumPixels) on a side"
                }
            }
        } catch let error as GraphicsError {
            return "\(path) is not a valid \(isSVG ? "SVG" : "PNG") file (\(error.reason))"
        } catch {
            return "\(path) cannot be read: \(error)"
        }
        return nil
    }

    /// The first `href`/`url()` that leaves the SVG's folder (absolute, `..`, or another scheme).
    static func outsideReference(in data: Data) -> String? {
        let text = String(decoding: data, as: UTF8.self)
        var references: [String] = []
        for marker in ["href=\"", "href='", "url(", "@import"] {
            var rest = text[...]
            while let range = rest.range(of: marker) {
                let after = rest[range.upperBound...]
                let closing: Character = marker.hasSuffix("\"") ? "\"" : marker.hasSuffix("'") ? "'" : ")"
                let value = after.prefix { $0 != closing && $0 != "\n" }
                references.append(value.trimmingCharacters(in: CharacterSet(charactersIn: " '\"")))
                rest = after
            }
        }
        return references.first { reference in
            if reference.isEmpty || reference.hasPrefix("#") || reference.hasPrefix("data:") { return false }
            return reference.hasPrefix("/") || reference.contains("..") || reference.contains(":") || reference.hasPrefix("~")
        }
    }
}
