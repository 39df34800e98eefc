import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
@testable import RoutineCardServer

/// Every endpoint and every status the API promises, through the real router.
struct APITests {
    let server = StudioServer(configuration: .init(maxBody: 16 * 1024))

    func app(_ server: StudioServer? = nil) -> some ApplicationProtocol { (server ?? self.server).application() }

    static func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }
    static let jsonType: HTTPFields = [.contentType: "application/json"]

    func decode(_ body: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])
    }

    @Test(arguments: [("pdf", "application/pdf", "leg-cramps.pdf"), ("png", "image/png", "leg-cramps-1.png"), ("svg", "image/svg+xml", "leg-cramps-1.svg")])
    func renderAnswersTheFileWithItsTypeAndName(format: String, type: String, name: String) async throws {
        try await app().test(.router) { client in
            try await client.execute(
                uri: "/api/render", method: .post, headers: Self.jsonType,
                body: Self.json(#"{"builtin": "leg-cramps", "format": "\#(format)", "options": {"dpi": 50, "for": "Sam"}}"#)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == type)
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"\(name)\"")
                #expect(response.headers[HTTPField.Name("X-Page-Count")!] == (format == "pdf" ? "1" : "2"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
                let bytes = [UInt8](Data(buffer: response.body))
                switch format {
                case "pdf": #expect(bytes.starts(with: Array("%PDF".utf8)))
                case "png": #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
                default: #expect(String(decoding: bytes, as: UTF8.self).contains("<svg"))
                }
            }
        }
    }

    @Test func aRoutineSentAsYAMLTakesItsOptionsFromTheQuery() async throws {
        let yaml = "title: Calf care\nsections:\n  - tips: [Drink water through the day.]\n  - help:\n      urgent: Chest pain.\n"
        try await app().test(.router) { client in
            try await client.execute(
                uri: "/api/render?format=png&template=sheet&dpi=20", method: .post, headers: [.contentType: "application/yaml"],
                body: ByteBuffer(string: yaml)
            ) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "image/png")
                // A4 at 20 dpi: 165 × 234 pixels.
                let b = [UInt8](Data(buffer: response.body))
                let width = b[16..<20].reduce(0) { $0 << 8 | Int($1) }
                #expect(width == 165)
            }
        }
    }

    @Test func anInvalidRoutineIs422WithItsLinesAndColumns() async throws {
        let body = #"{"routine": "title: Broken\nsections:\n  - exercises:\n      - name: Calf raise\n        dose: { reps: 900 }\n"}"#
        try await app().test(.router) { client in
            for path in ["/api/render", "/api/check"] {
                try await client.execute(uri: path, method: .post, headers: Self.jsonType, body: Self.json(body)) { response in
                    #expect(response.status == .unprocessableContent)
                    #expect(response.headers[.contentType] == "application/problem+json")
                    let problem = try decode(response.body)
                    #expect(problem["status"] as? Int == 422)
                    let diagnostics = try #require(problem["diagnostics"] as? [[String: Any]])
                    let onLine5 = diagnostics.filter { ($0["line"] as? Int) == 5 }.compactMap { $0["message"] as? String }
                    #expect(onLine5.contains { $0.contains("reps") }, "\(diagnostics)")
                }
            }
            try await client.execute(uri: "/api/validate", method: .post, headers: Self.jsonType, body: Self.json(body)) { response in
                #expect(response.status == .ok)
                let answer = try decode(response.body)
                let diagnostics = answer["diagnostics"] as? [Any] ?? []
                #expect(answer["valid"] as? Bool == false)
                #expect(!diagnostics.isEmpty)
            }
        }
    }

    @Test func malformedWrongTypeAndTooLargeBodiesAre400And415And413() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/render", method: .post, headers: Self.jsonType, body: Self.json("{not json")) { response in
                #expect(response.status == .badRequest && response.headers[.contentType] == "application/problem+json")
            }
            try await client.execute(uri: "/api/render", method: .post, headers: [.contentType: "text/plain"], body: Self.json("hello")) { response in
                #expect(response.status == .unsupportedMediaType)
            }
            let big = #"{"routine": "title: \#(String(repeating: "x", count: 20_000))"}"#
            try await client.execute(uri: "/api/render", method: .post, headers: Self.jsonType, body: Self.json(big)) { response in
                let detail = try decode(response.body)["detail"] as? String
                #expect(response.status == .contentTooLarge)
                #expect(detail == "a request body may hold at most 16384 bytes")
            }
            try await client.execute(uri: "/api/render", method: .post, headers: Self.jsonType, body: Self.json(#"{"builtin": "leg-cramps", "format": "gif"}"#))
            {
                response in
                #expect(response.status == .unprocessableContent)
            }
            try await client.execute(
                uri: "/api/render", method: .post, headers: Self.jsonType, body: Self.json(#"{"builtin": "leg-cramps", "options": {"theme": "neon"}}"#)
            ) {
                response in
                let detail = try decode(response.body)["detail"] as? String
                #expect(response.status == .unprocessableContent)
                #expect(detail?.contains("neon") == true)
            }
        }
    }

    @Test(arguments: ["/etc/passwd", "../../../../etc/hostname.svg", "/proc/self/environ.png", "file:///etc/passwd.svg"])
    func aRoutineCannotNameAFileOnTheServer(path: String) async throws {
        let body = #"{"routine": "title: Sneaky\nsections:\n  - exercises:\n      - name: Calf raise\n        illustration: \#(path)\n"}"#
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/render", method: .post, headers: Self.jsonType, body: Self.json(body)) { response in
                #expect(response.status == .unprocessableContent, "\(path)")
                let text = String(buffer: response.body)
                #expect(!text.contains("root:"), "nothing of the file comes back")
            }
        }
    }

    @Test func aFullQueueIs503WithRetryAfterAndSoIsARenderOverTime() async throws {
        let busy = StudioServer(configuration: .init(concurrentRenders: 1, queuedRenders: 0))
        let release = AsyncStream<Void>.makeStream()
        let started = AsyncStream<Void>.makeStream()
        // Hold the only place.
        let holder = Task {
            try await busy.gate.run {
                started.continuation.yield(); for await _ in release.stream { break }
            }
        }
        for await _ in started.stream { break }
        try await app(busy).test(.router) { client in
            try await client.execute(uri: "/api/render", method: .post, headers: Self.jsonType, body: Self.json(#"{"builtin": "leg-cramps"}"#)) { response in
                #expect(response.status == .serviceUnavailable && response.headers[.retryAfter] == "1")
            }
        }
        release.continuation.yield()
        _ = try await holder.value
        let slow = StudioServer(configuration: .init(renderTimeout: .nanoseconds(1)))
        try await app(slow).test(.router) { client in
            try await client.execute(uri: "/api/render", method: .post, headers: Self.jsonType, body: Self.json(#"{"builtin": "leg-cramps"}"#)) { response in
                #expect(response.status == .serviceUnavailable && response.headers[.retryAfter] == "5")
            }
        }
    }

    @Test func theListsSchemaOpenAPIHealthAndPageAreServed() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/routines", method: .get) { response in
                let list = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
                let legCramps = list.first { $0["id"] as? String == "leg-cramps" }
                #expect(legCramps?["languages"] as? [String] == ["de", "en", "es"])
            }
            try await client.execute(uri: "/api/routines/leg-cramps?language=de", method: .get) { response in
                #expect(response.status == .ok && String(buffer: response.body).contains("title: Hilfe bei Wadenkrämpfen"))
            }
            try await client.execute(uri: "/api/routines/nope", method: .get) { response in #expect(response.status == .notFound) }
            try await client.execute(uri: "/api/schema", method: .get) { response in
                #expect(String(buffer: response.body).contains("\"$schema\""))
            }
            try await client.execute(uri: "/api/openapi.yaml", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.hasPrefix("openapi: 3.1.0"))
                for path in ["/api/render:", "/api/validate:", "/api/check:", "/api/routines:", "/api/schema:", "/healthz:"] { #expect(text.contains(path)) }
            }
            try await client.execute(uri: "/healthz", method: .get) { response in #expect(String(buffer: response.body) == #"{"status":"ok"}"#) }
            try await client.execute(uri: "/", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("<label for=\"source\"") || page.contains("aria-label=\"Routine file (YAML)\""))
                #expect(!page.contains("http://") && !page.contains("https://"), "nothing loads from elsewhere")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            }
        }
    }

    @Test func theClinicsOptionsReachTheCard() async throws {
        let body =
            #"{"builtin": "leg-cramps", "options": {"diary": true, "qr": true, "review": "2027-03-12", "contact": ["Riverside Physiotherapy", "0161 555 0100"]}}"#
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/render", method: .post, headers: Self.jsonType, body: Self.json(body)) { response in
                #expect(response.status == .ok)
                let url = try ExternalTool.temporaryFolder().appendingPathComponent("clinic.pdf")
                try Data(buffer: response.body).write(to: url)
                let text = try ExternalTool.run("pdftotext", [url.path, "-"]).output.replacingOccurrences(of: "\u{A0}", with: " ")
                for phrase in ["SYMPTOM DIARY", "Riverside Physiotherapy", "0161 555 0100", "Next review: 12 March"] {
                    #expect(text.contains(phrase), "\(phrase)")
                }
            }
            let bad = #"{"builtin": "leg-cramps", "options": {"review": "next March"}}"#
            try await client.execute(uri: "/api/render", method: .post, headers: Self.jsonType, body: Self.json(bad)) { response in
                #expect(response.status == .unprocessableContent && String(buffer: response.body).contains("2027-03-12"))
            }
        }
    }
}
