import RoutineCard

extension SettingError: RoutineCardErrorConvertible {
    package var routineCardError: RoutineCardError { RoutineCardError(.invalidOption, description) }
}

extension ManifestError: RoutineCardErrorConvertible {
    package var routineCardError: RoutineCardError { RoutineCardError(.invalidOption, description) }
}

extension BatchRunner.PlanError: RoutineCardErrorConvertible {
    package var routineCardError: RoutineCardError { RoutineCardError(.invalidOption, description) }
}

extension UnknownSectionError: RoutineCardErrorConvertible {
    package var routineCardError: RoutineCardError { RoutineCardError(.invalidRoutine, description) }
}
