import RoutineCardModel
/// The pictures built into the binary: exercise illustrations and icons, drawn as SVG.
package enum Illustrations {
    /// The names a routine may use for `illustration` or `icon`.
    package static let builtInNames: Set<String> = Set(builtInPaths.keys)

    /// Name → embedded asset path.
    package static let builtInPaths: [String: String] = {
        var paths: [String: String] = [:]
        for path in AssetStore.paths(in: "illustrations", suffix: ".svg") {
            let name = String(path.dropFirst("illustrations/".count).dropLast(".svg".count))
            paths[name] = path
        }
        return paths
    }()
}
