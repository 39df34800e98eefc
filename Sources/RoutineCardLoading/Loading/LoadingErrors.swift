import RoutineCardModel

extension UnknownRoutineError: RoutineCardErrorConvertible {
    package var routineCardError: RoutineCardError { RoutineCardError(.invalidRoutine, description) }
}
