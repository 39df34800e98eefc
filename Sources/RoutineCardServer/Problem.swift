import Foundation
import Hummingbird
import RoutineCard

/// An error answer in the form of RFC 9457 (`application/problem+json`), with the routine's
/// diagnostics when there are any.
struct Problem: Error, Sendable {
    var status: HTTPResponse.Status
    var title: String
    var detail: String
    var diagnostics: [Diagnostic] = []
    /// Seconds after which a retry may succeed (503).
    var retryAfter: Int?

    static func badRequest(_ detail: String) -> Problem { Problem(status: .badRequest, title: "The request cannot be read", detail: detail) }

    static func tooLarge(limit: Int) -> Problem {
        Problem(status: .contentTooLarge, title: "The request is too large", detail: "a request body may hold at most \(limit) bytes")
    }

    static func unsupportedType(_ type: String?) -> Problem {
        Problem(
            status: .unsupportedMediaType, title: "Unsupported content type",
            detail: "send application/json (a routine and options), or application/yaml (a routine file); got \(type ?? "none")")
    }

    /// What went wrong in the library, with the status a client can act on.
    init(_ error: RoutineCardError) {
        switch error.code {
        case .invalidRoutine:
            self.init(status: .unprocessableContent, title: "The routine has problems", detail: error.message, diagnostics: error.diagnostics)
        case .invalidOption:
            self.init(status: .unprocessableContent, title: "An option cannot be used", detail: error.message)
        case .cannotLayOut:
            self.init(status: .unprocessableContent, title: "The card cannot be laid out", detail: error.message)
        case .renderingFailed, .inputOutput, .interrupted:
            self.init(status: .internalServerError, title: "The card could not be drawn", detail: error.message)
        }
    }

    /// Any failure as a problem: the library's errors by their code, anything else a 500.
    init(_ error: any Error) {
        switch error {
        case let problem as Problem: self = problem
        case let error as RoutineCardError: self.init(error)
        default: self.init(status: .internalServerError, title: "Something went wrong", detail: "\(error)")
        }
    }

    init(status: HTTPResponse.Status, title: String, detail: String, diagnostics: [Diagnostic] = [], retryAfter: Int? = nil) {
        self.status = status
        self.title = title
        self.detail = detail
        self.diagnostics = diagnostics
        self.retryAfter = retryAfter
    }

    var response: Response {
        let body = ProblemBody(
            type: "about:blank", title: title, status: Int(status.code), detail: detail,
            diagnostics: diagnostics.isEmpty ? nil : diagnostics.map(DiagnosticBody.init))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(body)) ?? Data("{}".utf8)
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if let retryAfter { headers[.retryAfter] = "\(retryAfter)" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

struct ProblemBody: Codable {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var diagnostics: [DiagnosticBody]?
}

/// A diagnostic as the API writes it: where (line and column, from 1) and what.
struct DiagnosticBody: Codable, Sendable {
    var line: Int
    var column: Int
    var message: String

    init(_ diagnostic: Diagnostic) {
        line = diagnostic.line
        column = diagnostic.column
        message = diagnostic.message
    }
}
