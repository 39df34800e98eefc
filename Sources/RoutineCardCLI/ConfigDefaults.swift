import Foundation
import RoutineCard
import RoutineCardBatch

/// The defaults from `--config FILE`, else from the usual config file when there is one.
func configDefaults(_ path: String?) throws -> CardSettings {
    do {
        if let path { return try ConfigFile.load(URL(fileURLWithPath: path)) }
        if let location = ConfigFile.defaultLocation(), FileManager.default.fileExists(atPath: location.path) {
            return try ConfigFile.load(location)
        }
        return CardSettings()
    } catch {
        throw ConfigFileError(diagnostics: error.diagnostics)
    }
}
