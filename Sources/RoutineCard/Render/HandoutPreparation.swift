import Foundation
internal import Graphics
import RoutineCardLayout
import RoutineCardLoading
import RoutineCardModel

extension HandoutInputs {
    /// Checks the card's branding and encodes its QR codes: what layout needs from the drawing
    /// libraries, prepared before it starts.
    static func prepare(for routines: [Routine], options: CardOptions) throws -> HandoutInputs {
        var inputs = HandoutInputs()
        try checkContact(options.branding.contact)
        if let logo = options.branding.logo {
            inputs.logoAspect = try logoAspect(logo)
        }
        if options.qrCodes {
            let addresses = routines.flatMap { routine in
                [routine.video]
                    + routine.sections.flatMap { section -> [String?] in
                        guard case .exercises(let exercises) = section.content else { return [] }
                        return exercises.map(\.video)
                    }
            }
            for address in addresses.compactMap({ $0 }) where inputs.qrCodes[address] == nil {
                let code = try QREncoder.encode(address)
                inputs.qrCodes[address] = QRMatrix(side: code.side, dark: code.dark)
            }
        }
        return inputs
    }

    /// Longest contact line, in characters.
    static let maximumContactCharacters = 100

    private static func checkContact(_ lines: [String]) throws {
        guard lines.count <= Branding.maximumContactLines else {
            throw RoutineCardError(.invalidOption, "the contact has \(lines.count) lines; a card prints at most \(Branding.maximumContactLines)")
        }
        for line in lines {
            guard line.count <= maximumContactCharacters else {
                throw RoutineCardError(.invalidOption, "a contact line is \(line.count) characters long; a card holds at most \(maximumContactCharacters)")
            }
            if let control = RoutineRanges.controlCharacter(in: line) {
                throw RoutineCardError(
                    .invalidOption, "the contact contains the control character U+\(String(format: "%04X", control.value)), which cannot be printed")
            }
        }
    }

    /// The logo's width over its height, after holding it to the rules for a routine's pictures:
    /// an absolute path to a PNG or SVG file within the size limits, that decodes, and (an SVG)
    /// loads nothing else.
    private static func logoAspect(_ path: String) throws -> Double {
        guard path.hasPrefix("/") else {
            throw RoutineCardError(.invalidOption, "the logo '\(path)' should be an absolute path")
        }
        let url = URL(fileURLWithPath: path)
        let isSVG = url.pathExtension.lowercased() == "svg"
        guard isSVG || url.pathExtension.lowercased() == "png" else {
            throw RoutineCardError(.invalidOption, "the logo \(url.lastPathComponent) should be an SVG or PNG file")
        }
        // Read once and decoded once: the same checks as `PictureFiles.problem`, and the size from
        // the same decoding.
        let data: Data
        switch PictureFiles.boundedRead(url, isSVG: isSVG) {
        case .failure(let problem): throw RoutineCardError(.invalidOption, "the logo: \(problem.message)")
        case .success(let bytes): data = bytes
        }
        if let problem = PictureFiles.contentProblem(in: data, name: url.path, isSVG: isSVG) {
            throw RoutineCardError(.invalidOption, "the logo: \(problem)")
        }
        if isSVG {
            do {
                let size = try CairoLock.run { try SVGImage(bytes: [UInt8](data)).intrinsicSize }
                return size.height > 0 ? size.width / size.height : 1
            } catch let error as GraphicsError {
                throw RoutineCardError(.invalidOption, "the logo: \(url.path) is not a valid SVG file (\(error.reason))")
            }
        }
        if let problem = PictureDecodeCheck.decoding.problem(data, url.path, false) {
            throw RoutineCardError(.invalidOption, "the logo: \(problem)")
        }
        guard let size = PictureFiles.pngSize(data), size.height > 0 else { return 1 }
        return Double(size.width) / Double(size.height)
    }
}
