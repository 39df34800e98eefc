import Foundation
import RoutineCard
import RoutineCardBatch

/// A render request checked and made ready: the routine loaded, the options read. The same in the
/// server and in a render worker, which rebuilds it from the request it is sent.
struct Job: Sendable {
    var request: RenderRequest
    var routine: Routine
    var options: CardOptions
    var format: OutputFormat
    var dpi: Double
    var page: Int
    var author: String?

    var output: OutputOptions { OutputOptions(format: format, dpi: dpi, author: author) }

    init(_ parsed: RenderRequest) throws {
        let fields = parsed.options ?? CardFields(query: [:])
        let settings = fields.settings
        let options: CardOptions
        do { options = try settings.cardOptions() } catch {
            throw Problem(status: .unprocessableContent, title: "An option cannot be used", detail: error.description)
        }
        let routine: Routine
        switch (parsed.routine, parsed.builtin) {
        case (nil, let id?): routine = try Routine.builtIn(id, language: fields.language)
        case (.text(let text)?, nil):
            let json = text.drop { $0.isWhitespace }.first == "{"
            routine = try Routine.load(data: Data(text.utf8), name: json ? "routine.json" : "routine.yaml", format: json ? .json : .yaml)
        case (.json(let data)?, nil): routine = try Routine.load(data: data, name: "routine.json", format: .json)
        case (nil, nil): throw Problem.badRequest("send a routine (its file's text or a routine object) or the id of a built-in one")
        case (_?, _?): throw Problem.badRequest("send a routine or a built-in id, not both")
        }
        let format: OutputFormat
        switch parsed.format?.lowercased() ?? "pdf" {
        case "pdf": format = .pdf
        case "png": format = .png
        case "svg": format = .svg
        case let other: throw Problem(status: .unprocessableContent, title: "Unknown format", detail: "format '\(other)' is not pdf, png or svg")
        }
        do { try settings.checkRaster(options, format: format) } catch {
            throw Problem(status: .unprocessableContent, title: "An option cannot be used", detail: error.description)
        }
        request = parsed
        self.routine = routine
        self.options = options
        self.format = format
        dpi = settings.resolution
        page = max(1, parsed.page ?? 1)
        author = fields.byName
    }
}
