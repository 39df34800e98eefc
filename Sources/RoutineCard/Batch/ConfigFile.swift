import Foundation
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
public enum ConfigFile {
    /// The keys a config file may set.
    public static let keys = ["paper", "template", "theme", "language", "by", "font", "margin", "dpi", "sheet", "back_offset"]

    /// Where the config file is looked for when none is named.
    public static func defaultLocation(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("routinecard/config.yaml")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".config/routinecard/config.yaml")
    }

    /// The settings in the file at `url`. A missing default file is no error; a named one is.
    /// - Throws: ``RoutineLoadError`` with every problem at its `file:line:column`.
    public static func load(_ url: URL) throws(RoutineLoadError) -> CardSettings {
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
                throw RoutineLoadError([Diagnostic(file: name, line: mark.line, column: mark.column, message: "the config file is not valid YAML (\(problem))")])
            }
            if case .parser(_, let problem, let mark, _) = error {
                throw RoutineLoadError([Diagnostic(file: name, line: mark.line, column: mark.column, message: "the config file is not valid YAML (\(problem))")])
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
            // Check the values now, so a mistake is reported against the file and line.
            for (key, check) in [("paper", { () throws(SettingError) in _ = try settings.cardOptions() }),
                                 ("sheet", { () throws(SettingError) in _ = try settings.sheetOptions() }),
                                 ("language", { () throws(SettingError) in _ = try settings.languageOverride() })] {
                do { try check() } catch { reader.report(fields[key] ?? root, "\(error.description)") }
            }
        }
        guard reader.diagnostics.isEmpty else { throw RoutineLoadError(reader.diagnostics) }
        return settings
    }
}

extension CardSettings {
    /// These settings, with anything not set taken from `defaults` (a config file).
    public func filled(from defaults: CardSettings) -> CardSettings {
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
        return merged
    }
}
