import RoutineCardModel

extension UnknownRoutineError: RoutineCardErrorConvertible {
    package var routineCardError: RoutineCardError { RoutineCardError(.invalidRoutine, description) }
}

extension UnknownSectionError: RoutineCardErrorConvertible {
    package var routineCardError: RoutineCardError { RoutineCardError(.invalidRoutine, description) }
}
