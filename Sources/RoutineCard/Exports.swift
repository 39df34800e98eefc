// A program that imports RoutineCard gets the model (Routine, RoutineSection, Exercise, Diagnostic…) and the
// layout's options and results (CardOptions, Theme, Paper, PlacedPage…) with it.
@_exported import RoutineCardLayout
@_exported import RoutineCardLoading
@_exported import RoutineCardModel
