import RoutineCardModel

extension LayoutError: RoutineCardErrorConvertible {
    package var routineCardError: RoutineCardError { RoutineCardError(.cannotLayOut, "cannot lay out the card: \(description)") }
}

extension Paper.ParseError: RoutineCardErrorConvertible {
    package var routineCardError: RoutineCardError { RoutineCardError(.invalidOption, description) }
}

extension Length.ParseError: RoutineCardErrorConvertible {
    package var routineCardError: RoutineCardError { RoutineCardError(.invalidOption, description) }
}
