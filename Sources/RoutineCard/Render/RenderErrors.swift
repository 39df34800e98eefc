import Foundation
internal import Graphics

extension RenderError: RoutineCardErrorConvertible {
    package var routineCardError: RoutineCardError { RoutineCardError(.renderingFailed, "cannot draw the card: \(description)") }
}

extension OutputError: RoutineCardErrorConvertible {
    package var routineCardError: RoutineCardError { RoutineCardError(kind == .interrupted ? .interrupted : .inputOutput, description) }
}

// A C library's refusal is a failure to draw: callers cannot name Graphics' own type.
extension GraphicsError: RoutineCardErrorConvertible {
    package var routineCardError: RoutineCardError { RoutineCardError(.renderingFailed, "cannot draw the card: \(description)") }
}

extension CocoaError: RoutineCardErrorConvertible {
    package var routineCardError: RoutineCardError { RoutineCardError(.inputOutput, localizedDescription) }
}
