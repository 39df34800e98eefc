import CPangoFT2
import Foundation
import Synchronization

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

    /// How many font files (faces) the set holds.
    var faceCount: Int { Int(FcConfigGetFonts(config, FcSetApplication)?.pointee.nfont ?? 0) }

    private static let replacedProcessDefault = Atomic(false)

    /// Makes this set fontconfig's configuration for the whole process.
    ///
    /// Pango loads the system's configuration on first use and waits for it, even for a font map
    /// given a private configuration; once a configuration is current, that load is skipped. Only
    /// for a program that draws no other text, and before any font map exists.
    public func makeProcessDefault() {
        guard FcConfigSetCurrent(config) != 0 else { return }
        Self.replacedProcessDefault.store(true, ordering: .sequentiallyConsistent)
    }

    /// Every installed font under the system's rules, loaded on first use, when another set was
    /// made the process default; nil otherwise (Pango's own default is the system's then).
    public static var systemFonts: FontSet? {
        replacedProcessDefault.load(ordering: .sequentiallyConsistent) ? loadedSystemFonts : nil
    }

    private static let loadedSystemFonts: FontSet? = FcInitLoadConfigAndFonts().map { FontSet(config: $0, families: []) }

    /// Lato and DejaVu Sans (regular, bold, italic, bold italic) from the usual font folders, or nil
    /// when any is missing (the system configuration is used then).
    public static let cardFonts: FontSet? = make(files: [
        "Lato": ["Lato-Regular.ttf", "Lato-Bold.ttf", "Lato-Italic.ttf", "Lato-BoldItalic.ttf"],
        "DejaVu Sans": ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"],
    ])

    static func make(files: [String: [String]]) -> FontSet? {
        let environment = ProcessInfo.processInfo.environment
        if environment["ROUTINECARD_SYSTEM_FONTS"] == "1" { return nil }
        let home = environment["HOME"] ?? ""
        guard let found = locate(Set(files.values.joined()), home: home), let config = FcConfigCreate() else { return nil }
        // Where fc-cache keeps what it read from each font folder: reading a folder from its cache
        // takes a tenth of the time FreeType needs to read the eight files themselves. The accept
        // list keeps the folder's other files out, so matching has only the card's faces to sort.
        let accepted = found.values.sorted().map { "<glob>\(xmlEscaped($0))</glob>" }.joined()
        let rules =
            "<fontconfig><cachedir>/var/cache/fontconfig</cachedir><cachedir prefix=\"xdg\">fontconfig</cachedir>"
            + "<cachedir>/opt/homebrew/var/cache/fontconfig</cachedir><cachedir>/usr/local/var/cache/fontconfig</cachedir>"
            + "<selectfont><acceptfont>\(accepted)</acceptfont><rejectfont><glob>*</glob></rejectfont></selectfont></fontconfig>"
        guard FcConfigParseAndLoadFromMemory(config, rules, 0) != 0 else {
            FcConfigDestroy(config)
            return nil
        }
        var added = true
        for (folder, paths) in Dictionary(grouping: found.values, by: { ($0 as NSString).deletingLastPathComponent }) {
            if let cache = FcDirCacheLoad(folder, config, nil) {
                FcDirCacheUnload(cache)
                added = added && FcConfigAppFontAddDir(config, folder) != 0
            } else {
                for path in paths { added = added && FcConfigAppFontAddFile(config, path) != 0 }
            }
        }
        guard added else {
            FcConfigDestroy(config)
            return nil
        }
        return FontSet(config: config, families: Set(files.keys))
    }

    private static func xmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// The full path of each wanted file: Debian's and Homebrew's folders first, then a walk
    /// through the usual font folders.
    private static func locate(_ wanted: Set<String>, home: String) -> [String: String]? {
        var found: [String: String] = [:]
        let usual = ["/usr/share/fonts/truetype/lato", "/usr/share/fonts/truetype/dejavu", "/opt/homebrew/share/fonts", "/usr/local/share/fonts"]
        for folder in usual {
            for name in wanted where found[name] == nil && FileManager.default.fileExists(atPath: "\(folder)/\(name)") {
                found[name] = "\(folder)/\(name)"
            }
        }
        let folders = [
            "/usr/share/fonts", "/usr/local/share/fonts", "\(home)/.local/share/fonts", "\(home)/.fonts",
            "/opt/homebrew/share/fonts", "/Library/Fonts", "\(home)/Library/Fonts",
        ]
        for folder in folders where found.count < wanted.count && FileManager.default.fileExists(atPath: folder) {
            guard let walker = FileManager.default.enumerator(atPath: folder) else { continue }
            while let relative = walker.nextObject() as? String, found.count < wanted.count {
                let name = (relative as NSString).lastPathComponent
                if wanted.contains(name), found[name] == nil { found[name] = "\(folder)/\(relative)" }
            }
        }
        return found.count == wanted.count ? found : nil
    }
}
