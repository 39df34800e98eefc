import Foundation
import RoutineCardModel

/// Checks pictures that routines name by path: they must be a PNG or SVG file of a sane size, be
/// measured before anything decodes them, parse, and (for SVG) load nothing but themselves.
package enum PictureFiles {
    package static let maximumSVGBytes = 2_000_000
    package static let maximumPNGBytes = 20_000_000
    /// Longest side of a PNG picture (or of one embedded in an SVG), in pixels.
    package static let maximumSide = 10_000
    /// Most pixels of one PNG picture (or one embedded in an SVG): 25 megapixels decode to 100 MB.
    package static let maximumPixels = 25_000_000

    /// Why the picture at `url` cannot be used, or nil when it can: it is read (within its limit),
    /// checked without decoding, then handed to `decodeCheck`, which tries to decode it.
    package static func problem(at url: URL, decodeCheck: PictureDecodeCheck) -> String? {
        let isSVG = url.pathExtension.lowercased() == "svg"
        let data: Data
        switch boundedRead(url, isSVG: isSVG) {
        case .failure(let problem): return problem.message
        case .success(let bytes): data = bytes
        }
        if let problem = contentProblem(in: data, name: url.path, isSVG: isSVG) { return problem }
        return decodeCheck.problem(data, url.path, isSVG)
    }

    /// What can be told without decoding: the kind of file, what an SVG would load, and a PNG's
    /// declared size (also of PNGs inside an SVG). For a caller that decodes the picture next.
    package static func contentProblem(in data: Data, name: String, isSVG: Bool) -> String? {
        if isSVG {
            guard looksLikeSVG(data) else { return "\(name) is not an SVG file (it does not start with <svg or <?xml)" }
            if let refusal = svgRefusal(in: data) { return "\(name) \(refusal)" }
            for embedded in embeddedPNGs(in: data) {
                if let problem = pngSizeProblem(embedded) { return "\(name) embeds a PNG that \(problem)" }
            }
        } else {
            guard data.starts(with: pngSignature) else { return "\(name) is not a PNG file (it does not start with the PNG signature)" }
            if let problem = pngSizeProblem(data) { return "\(name) \(problem)" }
        }
        return nil
    }

    package struct Problem: Error { package var message: String }

    /// The file's bytes, read only up to the limit for its kind (a larger file is refused unread).
    package static func boundedRead(_ url: URL, isSVG: Bool) -> Result<Data, Problem> {
        let path = url.path
        let limit = isSVG ? maximumSVGBytes : maximumPNGBytes
        var status = stat()
        guard stat(path, &status) == 0 else { return .failure(Problem(message: "there is no file at \(path)")) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { return .failure(Problem(message: "\(path) is not a regular file")) }
        guard Int(status.st_size) <= limit else {
            return .failure(Problem(message: "\(path) is \(Int(status.st_size) / 1_000_000) MB; pictures may be at most \(limit / 1_000_000) MB"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return .failure(Problem(message: "\(path) cannot be read")) }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            guard data.count <= limit else {
                return .failure(Problem(message: "\(path) is larger than \(limit / 1_000_000) MB; pictures may be at most that"))
            }
            return .success(data)
        } catch {
            return .failure(Problem(message: "\(path) cannot be read: \(error.localizedDescription)"))
        }
    }

    private static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The pixel size a PNG declares in its header, read before anything decodes it.
    package static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes.starts(with: pngSignature), Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        func word(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (word(16), word(20))
    }

    /// Why a PNG's declared size is too large (or unreadable), or nil.
    package static func pngSizeProblem(_ data: Data) -> String? {
        guard let size = pngSize(data) else { return "has no readable PNG header" }
        guard size.width > 0, size.height > 0 else { return "is empty (\(size.width) × \(size.height) pixels)" }
        guard size.width <= maximumSide, size.height <= maximumSide, size.width * size.height <= maximumPixels else {
            return "is \(size.width) × \(size.height) pixels; pictures may be at most \(maximumSide) pixels on a side and "
                + "\(maximumPixels / 1_000_000) megapixels"
        }
        return nil
    }

    private static func looksLikeSVG(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(4096), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let start = head.hasPrefix("\u{FEFF}") ? String(head.dropFirst()) : head
        return start.hasPrefix("<svg") || start.hasPrefix("<?xml") || start.hasPrefix("<!--") || start.hasPrefix("<!DOCTYPE svg")
    }

    /// What an SVG may not do: load other files (href, url(), @import), include (XInclude) or
    /// declare entities. A picture is one file; librsvg's own rules are a second line.
    package static func svgRefusal(in data: Data) -> String? {
        let text = String(decoding: data, as: UTF8.self)
        let lower = text.lowercased()
        if lower.contains("<!entity") { return "declares XML entities; pictures may not" }
        if lower.contains("xinclude") || lower.contains("<xi:include") { return "uses XInclude; pictures may not include other files" }
        if let reference = externalReference(in: text) {
            return "refers to '\(reference)'; a picture may not load other files (embed images as data: URLs)"
        }
        return nil
    }

    /// The first `href`/`url()`/`@import` that names something other than a fragment or a data URL.
    package static func externalReference(in text: String) -> String? {
        var references: [String] = []
        for marker in ["href=\"", "href='", "href = \"", "url(", "@import"] {
            var rest = text[...]
            while let range = rest.range(of: marker, options: .caseInsensitive) {
                let after = rest[range.upperBound...]
                let closing: Character = marker.hasSuffix("\"") ? "\"" : marker.hasSuffix("'") ? "'" : marker == "url(" ? ")" : ";"
                let value = after.prefix { $0 != closing && $0 != "\n" }
                references.append(value.trimmingCharacters(in: CharacterSet(charactersIn: " '\"")))
                rest = after
            }
        }
        return references.first { reference in
            !(reference.hasPrefix("#") || reference.lowercased().hasPrefix("data:"))
        }.map { String($0.prefix(80)) }
    }

    /// The PNGs embedded as base64 `data:image/png` URLs, decoded far enough to read their headers.
    package static func embeddedPNGs(in data: Data) -> [Data] {
        let text = String(decoding: data, as: UTF8.self)
        var found: [Data] = []
        var rest = text[...]
        while let range = rest.range(of: "data:image/png;base64,", options: .caseInsensitive) {
            let after = rest[range.upperBound...]
            // 32 base64 characters hold the 24 header bytes; whitespace may be folded in.
            let head = after.prefix(200).filter { !$0.isWhitespace }.prefix(32)
            found.append(Data(base64Encoded: String(head)) ?? Data())
            rest = after
        }
        return found
    }
}

/// The last check of a picture a routine names: whether it decodes. Loading cannot decode (that
/// takes the C libraries, which only the renderer links), so whoever loads says how.
package struct PictureDecodeCheck: Sendable {
    /// Why `data` (named by its path, an SVG or not) does not decode, or nil when it does.
    package let problem: @Sendable (_ data: Data, _ name: String, _ isSVG: Bool) -> String?

    package init(_ problem: @escaping @Sendable (_ data: Data, _ name: String, _ isSVG: Bool) -> String?) { self.problem = problem }

    /// No decoding: for routines that name no picture files (the built-ins).
    package static let none = PictureDecodeCheck { _, _, _ in nil }
}
