import ArgumentParser
import RoutineCard
import RoutineCardBatch

/// Options with a fixed set of values are parsed into the library's enums: `--help` lists the
/// values, and a mistake is a usage error (exit 64) before anything is read. Case does not matter.
protocol CaseInsensitiveArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension CaseInsensitiveArgument {
    public init?(argument: String) {
        guard let value = Self.allCases.first(where: { $0.rawValue == argument.lowercased() }) else { return nil }
        self = value
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension Template: CaseInsensitiveArgument {}
extension Theme.Name: CaseInsensitiveArgument {}
extension OutputFormat: CaseInsensitiveArgument {}
extension SheetOptions.Kind: CaseInsensitiveArgument {}
extension SheetOptions.Flip: CaseInsensitiveArgument {}
