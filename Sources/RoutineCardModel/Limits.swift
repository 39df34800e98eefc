/// Sizes past which input is refused as not being a routine, before it can exhaust time or memory.
public enum RoutineLimits {
    /// Largest routine file, in bytes.
    public static let fileBytes = 1_000_000
    /// Most sections in one routine.
    public static let sections = 50
    /// Most items in one section.
    public static let itemsPerSection = 200
    /// Most items in all sections of one routine.
    public static let items = 500
    /// Most steps of one exercise or therapy.
    public static let steps = 30
    /// Longest single text (a title, a step, a tip), in characters.
    public static let textCharacters = 5_000
    /// Deepest nesting of YAML/JSON structures.
    public static let depth = 12
}
