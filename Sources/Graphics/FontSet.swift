import CPangoFT2
import Foundation

/// A private fontconfig configuration holding only the card's own fonts.
///
/// The system configuration parses dozens of XML rule files at start-up and matches every font
/// request against every installed font under all those rules; a card uses two families. With only
/// their files and no rules, a process starts and matches fonts in a fraction of the time. Text that
/// these fonts cannot draw is laid out again with the system fonts (see `TextLayout.unknownGlyphCount`).
public final class FontSet: @unchecked Sendable {
    // Built once before any worker uses it, then only read: fontconfig configurations are
    // safe to share for reading.
    let config: OpaquePointer
    /// The families the set holds.
    public let families: Set<String>

    private init(config: OpaquePointer, families: Set<String>) {
        self.config = config
        self.families = families
    }

    deinit { FcConfigDestroy(config) }

    /// Lato and DejaVu Sans (regular, bold, italic, bold italic) from the usual font folders, or nil
    /// when any is missing (the system configuration is used then).
    public static let cardFonts: FontSet? = make(files: [
        "Lato": ["Lato-Regular.ttf", "Lato-Bold.ttf", "Lato-Italic.ttf", "Lato-BoldItalic.ttf"],
        "DejaVu Sans": ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"],
    ])

    static func make(files: [String: [String]]) -> FontSet? {
        if ProcessInfo.processInfo.environment["ROUTINECARD_SYSTEM_FONTS"] == "1" { return nil }
        let wanted = Set(files.values.joined())
        var found: [String: String] = [:]
        let home = ProcessInfo.processInfo.environment["HOME"] ?? ""
        let folders = ["/usr/share/fonts", "/usr/local/share/fonts", "\(home)/.local/share/fonts", "\(home)/.fonts",
                       "/opt/homebrew/share/fonts", "/Library/Fonts", "\(home)/Library/Fonts"]
        for folder in folders where FileManager.default.fileExists(atPath: folder) {
            guard let walker = FileManager.default.enumerator(atPath: folder) else { continue }
            while let relative = walker.nextObject() as? String, found.count < wanted.count {
                let name = (relative as NSString).lastPathComponent
                if wanted.contains(name), found[name] == nil { found[name] = "\(folder)/\(relative)" }
            }
        }
        guard found.count == wanted.count, let config = FcConfigCreate() else { return nil }
        for path in found.values where FcConfigAppFontAddFile(config, path) == 0 {
            FcConfigDestroy(config)
            return nil
        }
        return FontSet(config: config, families: Set(files.keys))
    }
}
