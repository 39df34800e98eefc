import Foundation
import RoutineCardModel

/// The files of `Assets/`, compiled into the binary by the EmbedAssets build plugin.
package enum AssetStore {
    /// The bytes of an embedded file, by its path under Assets/ (`routines/leg-cramps.yaml`).
    package static func data(_ path: String) -> Data? {
        EmbeddedAssets.base64[path].flatMap { Data(base64Encoded: $0) }
    }

    /// Paths of embedded files directly in `folder` whose names end with `suffix`, sorted.
    package static func paths(in folder: String, suffix: String) -> [String] {
        EmbeddedAssets.base64.keys
            .filter { $0.hasPrefix(folder + "/") && $0.hasSuffix(suffix) && !$0.dropFirst(folder.count + 1).contains("/") }
            .sorted()
    }
}
