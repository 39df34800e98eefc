import Foundation
import Hummingbird
import HTTPTypes
import Logging

/// Headers every answer carries: the page may load only from its own origin, nothing is sniffed,
/// nothing is framed, no referrer leaves.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var policy: String {
        "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        if let referrer = HTTPField.Name("Referrer-Policy") { response.headers[referrer] = "no-referrer" }
        return response
    }
}

/// One access line per request: method, path, status, bytes, milliseconds, request id.
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let path = request.uri.path
        do {
            let response = try await next(request, context)
            log(request, path: path, status: Int(response.status.code), bytes: response.body.contentLength, since: start, id: context.id)
            return response
        } catch let error as HTTPResponseError {
            log(request, path: path, status: Int(error.status.code), bytes: nil, since: start, id: context.id)
            throw error
        }
    }

    private func log(_ request: Request, path: String, status: Int, bytes: Int?, since start: ContinuousClock.Instant, id: String) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info(
            "\(request.method) \(path) \(status) \(bytes.map(String.init) ?? "-") \(String(format: "%.1f", milliseconds))ms id=\(id)")
    }
}
