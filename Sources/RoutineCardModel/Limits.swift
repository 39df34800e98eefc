/// Sizes past which input is refused as not being a routine, before it can exhaust time or memory.
package enum RoutineLimits {
    /// Largest routine file, in bytes.
    package static let fileBytes = 1_000_000
    /// Most sections in one routine.
    package static let sections = 50
    /// Most items in one section.
    package static let itemsPerSection = 200
    /// Most items in all sections of one routine.
    package static let items = 500
    /// Most steps of one exercise or therapy.
    package static let steps = 30
    /// Longest single text (a title, a step, a tip), in characters.
    package static let textCharacters = 5_000
    /// Deepest nesting of YAML/JSON structures.
    package static let depth = 12
}
