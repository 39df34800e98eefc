import Foundation
internal import Graphics

extension PictureDecodeCheck {
    /// Decodes the picture with the libraries that will draw it (librsvg, cairo's PNG reader).
    package static let decoding = PictureDecodeCheck { data, name, isSVG in
        do {
            try CairoLock.run {
                if isSVG { _ = try SVGImage(bytes: [UInt8](data)) } else { _ = try RasterImage(pngBytes: [UInt8](data)) }
            }
        } catch let error as GraphicsError {
            return "\(name) is not a valid \(isSVG ? "SVG" : "PNG") file (\(error.reason))"
        } catch {
            return "\(name) cannot be read: \(error)"
        }
        return nil
    }
}

// Loading as the library's callers use it: every picture a routine names is decoded once on the
// way in, so a broken picture is reported at its line, not when the card is drawn.
extension RoutineLoader {
    /// Reads the routine file at `url`; see ``load(contentsOf:displayName:pictureFolders:pictureCheck:)``.
    package static func load(contentsOf url: URL, displayName: String? = nil, pictureFolders: [URL] = []) throws(RoutineLoadError) -> Routine {
        try load(contentsOf: url, displayName: displayName, pictureFolders: pictureFolders, pictureCheck: .decoding)
    }

    /// Reads a routine from `data`; see ``load(data:file:format:baseDirectory:pictureFolders:pictureCheck:fallbackID:)``.
    package static func load(
        data: Data, file: String, format: RoutineFileFormat = .yaml, baseDirectory: URL? = nil, pictureFolders: [URL] = [],
        fallbackID: String = "routine"
    ) throws(RoutineLoadError) -> Routine {
        try load(
            data: data, file: file, format: format, baseDirectory: baseDirectory, pictureFolders: pictureFolders, pictureCheck: .decoding,
            fallbackID: fallbackID)
    }
}

extension Routine {
    /// Reads a routine file (YAML, or JSON when the name ends in `.json`).
    ///
    /// Pictures the routine names by path must lie in the file's folder (or below it) or in one of
    /// `pictureFolders`, and must decode.
    /// - Throws: ``RoutineCardError`` with code `.invalidRoutine` and every problem found, each at
    ///   its `file:line:column`.
    public static func load(contentsOf url: URL, pictureFolders: [URL] = []) throws(RoutineCardError) -> Routine {
        do { return try RoutineLoader.load(contentsOf: url, pictureFolders: pictureFolders) } catch { throw error.routineCardError }
    }

    /// Reads a routine from the bytes of a routine file; `name` is what messages call it.
    ///
    /// Pictures named by path are refused (the routine has no folder) unless they are absolute and
    /// lie in one of `pictureFolders`.
    /// - Throws: ``RoutineCardError`` with code `.invalidRoutine` and every problem found.
    public static func load(
        data: Data, name: String = "routine", format: RoutineFileFormat = .yaml, pictureFolders: [URL] = []
    ) throws(RoutineCardError) -> Routine {
        do {
            return try RoutineLoader.load(data: data, file: name, format: format, pictureFolders: pictureFolders)
        } catch {
            throw error.routineCardError
        }
    }
}
