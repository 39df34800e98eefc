import RoutineCardLoading

/// The routine format's JSON Schema, served at `/api/schema`.
enum RoutineSchema {
    static var text: String { RoutineFiles.schema }
}
