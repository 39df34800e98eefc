import Foundation
import RoutineCardModel

/// Writing routine files: JSON in the file format, a commented starter, and the JSON Schema.
package enum RoutineFiles {
    /// The routine as a JSON routine file (what `routinecard show --json` prints); loading it back
    /// gives an equal routine.
    package static func json(_ routine: Routine) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        return try encoder.encode(routine)
    }

    /// A JSON Schema (draft 2020-12) of the routine format, for editors to complete and check files.
    package static var schema: String {
        AssetStore.data("schema/routine.schema.json").map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// A commented starter routine that validates and renders.
    /// - Parameters:
    ///   - id: the routine's id (lower-case words joined by hyphens).
    ///   - title: its title.
    ///   - fileName: the file it will be saved as, named in the comments.
    package static func starter(id: String, title: String, fileName: String) -> String {
        let template = AssetStore.data("starter/routine.yaml").map { String(decoding: $0, as: UTF8.self) } ?? ""
        return
            template
            .replacingOccurrences(of: "{{id}}", with: id)
            .replacingOccurrences(of: "{{title}}", with: yamlScalar(title))
            .replacingOccurrences(of: "{{file}}", with: fileName)
    }

    /// An id made from a name or file name: ASCII lower-case letters and digits joined by hyphens,
    /// accents dropped ("Rehabilitación de rodilla" → `rehabilitacion-de-rodilla`, "Fußgymnastik" →
    /// `fussgymnastik`); nil when nothing usable is left.
    package static func identifier(from name: String) -> String? {
        let plain = name.lowercased().folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        var mapped = ""
        for character in plain {
            if let spelled = Self.latinLetters[character] {
                mapped += spelled
            } else if character.isASCII, character.isLetter || character.isNumber {
                mapped.append(character)
            } else {
                mapped.append("-")
            }
        }
        let id = mapped.split(separator: "-").joined(separator: "-")
        return id.isEmpty ? nil : String(id.prefix(64))
    }

    /// Latin letters that lose no accent but are spelled out in ASCII.
    private static let latinLetters: [Character: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
    ]

    /// A title as a YAML scalar: quoted when YAML would read it as something else.
    private static func yamlScalar(_ text: String) -> String {
        let special = CharacterSet(charactersIn: ":#{}[],&*!|>'\"%@`")
        let needsQuotes =
            text.rangeOfCharacter(from: special) != nil || text.first == "-" || text.first == "?"
            || ["yes", "no", "true", "false", "null", "on", "off", "~"].contains(text.lowercased()) || Double(text) != nil
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
