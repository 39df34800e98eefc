import Foundation
import RoutineCard
import Yams

/// Defaults from a YAML config file: `$XDG_CONFIG_HOME/routinecard/config.yaml` (else
/// `~/.config/routinecard/config.yaml`), or a file named with `--config`. Options given on the
/// command line win over it.
///
/// ```yaml
/// paper: letter
/// template: fridge
/// theme: ink-saver
/// language: es
/// by: Dr Lee
/// ```
package enum ConfigFile {
    /// The keys a config file may set.
    package static let keys = [
        "paper", "template", "theme", "language", "by", "font", "margin", "dpi", "sheet", "back_offset", "logo", "contact", "qr", "diary",
    ]

    /// Where the config file is looked for when none is named.
    package static func defaultLocation(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("routinecard/config.yaml")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".config/routinecard/config.yaml")
    }

    /// The settings in the file at `url`. A missing default file is no error; a named one is.
    /// - Throws: ``RoutineLoadError`` with every problem at its `file:line:column`.
    package static func load(_ url: URL) throws(RoutineLoadError) -> CardSettings {
        let name = url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw RoutineLoadError([Diagnostic(file: name, line: 0, column: 0, message: "cannot read the config file")])
        }
        guard data.count <= 100_000, let text = String(data: data, encoding: .utf8) else {
            throw RoutineLoadError([Diagnostic(file: name, line: 0, column: 0, message: "the config file is not a small UTF-8 text file")])
        }
        try YAMLBudget.check(text, file: name)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            if case .scanner(_, let problem, let mark, _) = error {
                throw RoutineLoadError([Diagnostic(file: name, line: mark.line, column: mark.column, message: "the config file is not valid YAML (\(problem))")]
                )
            }
            if case .parser(_, let problem, let mark, _) = error {
                throw RoutineLoadError([Diagnostic(file: name, line: mark.line, column: mark.column, message: "the config file is not valid YAML (\(problem))")]
                )
            }
            throw RoutineLoadError([Diagnostic(file: name, line: 0, column: 0, message: "the config file is not valid YAML: \(error)")])
        } catch {
            throw RoutineLoadError([Diagnostic(file: name, line: 0, column: 0, message: "cannot read the config file: \(error)")])
        }
        guard let root else { return CardSettings() }
        var reader = NodeReader(file: name)
        var settings = CardSettings()
        if let fields = reader.fields(root, of: "the config file", allowed: keys) {
            settings.paper = reader.text(fields["paper"], "paper")
            settings.template = reader.text(fields["template"], "template")
            settings.theme = reader.text(fields["theme"], "theme")
            settings.language = reader.text(fields["language"], "language")
            settings.byName = reader.text(fields["by"], "by")
            settings.font = reader.text(fields["font"], "font")
            settings.margin = reader.text(fields["margin"], "margin")
            if let dpi = reader.integer(fields["dpi"], "dpi", range: 10...2400) { settings.dpi = Double(dpi) }
            settings.sheet = reader.text(fields["sheet"], "sheet")
            settings.backOffset = reader.text(fields["back_offset"], "back_offset")
            if let logo = reader.text(fields["logo"], "logo") {
                // A relative logo is next to the config file.
                let folder = URL(fileURLWithPath: name).deletingLastPathComponent()
                settings.logo = logo.hasPrefix("/") ? logo : folder.appendingPathComponent(logo).standardizedFileURL.path
            }
            if let node = fields["contact"] {
                if case .scalar = node {
                    settings.contact = reader.text(node, "contact").map(CardSettings.contactLines)
                } else if let lines = reader.list(node, "contact", limit: Branding.maximumContactLines) {
                    settings.contact = lines.compactMap { reader.text($0, "a contact line") }
                }
            }
            settings.qr = reader.bool(fields["qr"], "qr") ?? false
            settings.diary = reader.bool(fields["diary"], "diary") ?? false
            // Check each value now, so a mistake is reported once, against its own key and line.
            func check(_ key: String, _ validate: () throws(SettingError) -> Void) {
                do { try validate() } catch { reader.report(fields[key], "\(key): \(error.description)") }
            }
            if let paper = settings.paper {
                check("paper") { () throws(SettingError) in
                    do { _ = try Paper.parse(paper) } catch { throw SettingError("\(error)") }
                }
            }
            for (key, value) in [("template", settings.template), ("theme", settings.theme), ("margin", settings.margin)] where value != nil {
                var alone = CardSettings()
                switch key {
                case "template": alone.template = value
                case "theme": alone.theme = value
                default: alone.margin = value
                }
                check(key) { () throws(SettingError) in _ = try alone.cardOptions() }
            }
            if let sheet = settings.sheet {
                check("sheet") { () throws(SettingError) in
                    var alone = CardSettings()
                    alone.sheet = sheet
                    _ = try alone.sheetOptions()
                }
            }
            if let offset = settings.backOffset {
                check("back_offset") { () throws(SettingError) in
                    var alone = CardSettings()
                    alone.sheet = "a4"
                    alone.backOffset = offset
                    _ = try alone.sheetOptions()
                }
            }
            check("language") { () throws(SettingError) in _ = try settings.languageOverride() }
            for key in keys where fields[key] != nil {
                if let mark = fields.keys[key]?.mark { settings.origins[key] = "\(name):\(mark.line):\(mark.column)" }
            }
        }
        guard reader.diagnostics.isEmpty else { throw RoutineLoadError(reader.diagnostics) }
        return settings
    }
}

extension CardSettings {
    /// These settings, with anything not set taken from `defaults` (a config file).
    package func filled(from defaults: CardSettings) -> CardSettings {
        var merged = self
        merged.template = template ?? defaults.template
        merged.paper = paper ?? defaults.paper
        merged.theme = theme ?? defaults.theme
        merged.language = language ?? defaults.language
        merged.byName = byName ?? defaults.byName
        merged.font = font ?? defaults.font
        merged.margin = margin ?? defaults.margin
        merged.dpi = dpi ?? defaults.dpi
        merged.sheet = sheet ?? defaults.sheet
        merged.backOffset = backOffset ?? defaults.backOffset
        merged.logo = logo ?? defaults.logo
        merged.contact = contact ?? defaults.contact
        merged.qr = qr || defaults.qr
        merged.diary = diary || defaults.diary
        func origin(_ key: String) -> String { defaults.origins[key].map { "\($0): " } ?? "" }
        // A config file's sheet settings are defaults for printing sheets, not orders: they are left
        // out, with a note, where no sheet is printed or where the card is as large as the sheet.
        if sheet == nil, defaults.sheet != nil, let options = try? merged.cardOptions(ignoringSheet: true),
            let sheetOptions = (try? merged.sheetOptions()) ?? nil, !SheetImposer.fits(options.pageSize, on: sheetOptions)
        {
            merged.sheet = nil
            merged.notes.append("\(origin("sheet"))sheet: \(sheetOptions.kind.rawValue) is ignored: the card is too large to go on that sheet")
        }
        if merged.sheet == nil, backOffset == nil, defaults.backOffset != nil {
            merged.backOffset = nil
            merged.notes.append("\(origin("back_offset"))back_offset is ignored: it applies only to cards printed on sheets")
        }
        return merged
    }
}
