// A program that imports RoutineCard gets the model (Routine, Section, Exercise, Diagnostic…) with it.
@_exported import RoutineCardModel
