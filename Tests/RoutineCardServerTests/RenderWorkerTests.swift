import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
@testable import RoutineCardServer

/// Renders in worker processes (`routinecard serve-worker`): the same bytes as in the server's own
/// process, the same problems, and a worker that dies, answers nonsense or hangs costs one request.
struct RenderWorkerTests {
    static let jsonType: HTTPFields = [.contentType: "application/json"]

    func server(_ command: [String], timeout: Duration = .seconds(20)) -> StudioServer {
        StudioServer(configuration: .init(concurrentRenders: 2, renderTimeout: timeout, workerCommand: command))
    }

    func post(_ server: StudioServer, _ path: String, _ body: String) async throws -> (HTTPResponse.Status, Data) {
        try await server.application().test(.router) { client in
            try await client.execute(uri: path, method: .post, headers: Self.jsonType, body: ByteBuffer(string: body)) { response in
                (response.status, Data(buffer: response.body))
            }
        }
    }

    @Test(arguments: ["pdf", "png", "svg"])
    func aWorkerWritesTheSameBytesAsTheServerItself(format: String) async throws {
        let workers = server([try ExternalTool.builtProduct("routinecard"), "serve-worker"])
        let body = #"{"builtin": "leg-cramps", "format": "\#(format)", "options": {"dpi": 50, "for": "Sam", "template": "wallet"}}"#
        let (status, fromWorker) = try await post(workers, "/api/render", body)
        let (_, inProcess) = try await post(StudioServer(), "/api/render", body)
        #expect(status == .ok)
        #expect(fromWorker == inProcess && fromWorker.count > 1000)
        workers.workers?.stop()
    }

    @Test func aWorkerAnswersProblemsAndFindingsAsTheServerDoes() async throws {
        let workers = server([try ExternalTool.builtProduct("routinecard"), "serve-worker"])
        defer { workers.workers?.stop() }
        // Checked by the server before any worker: a routine with a mistake.
        let (status, problem) = try await post(workers, "/api/render", #"{"routine": "title: x\nsections: 3\n"}"#)
        #expect(status == .unprocessableContent && String(decoding: problem, as: UTF8.self).contains(#""line":2"#))
        // Found only while laying out, so in the worker: a wallet card cannot hold this much.
        let (checked, findings) = try await post(workers, "/api/check", #"{"builtin": "leg-cramps", "options": {"template": "wallet"}}"#)
        #expect(checked == .ok && String(decoding: findings, as: UTF8.self).contains(#""code":"continued""#))
    }

    @Test(arguments: [["/bin/false"], ["/bin/cat"], ["/nonexistent/worker"]])
    func aBrokenWorkerIsA500AndTheNextRequestGetsANewOne(command: [String]) async throws {
        let broken = server(command)
        let (status, body) = try await post(broken, "/api/render", #"{"builtin": "leg-cramps"}"#)
        #expect(status == .internalServerError, "\(command)")
        #expect(String(decoding: body, as: UTF8.self).contains(#""status":500"#))
        let (again, _) = try await post(broken, "/api/check", #"{"builtin": "leg-cramps"}"#)
        #expect(again == .internalServerError)
    }

    @Test func aHungWorkerIsStoppedAtTheTimeLimit() async throws {
        // A worker that never answers: the request gets 503 with Retry-After, the worker is killed.
        let hung = server(["/bin/sleep", "600"], timeout: .milliseconds(300))
        let started = ContinuousClock.now
        let (status, body) = try await post(hung, "/api/render", #"{"builtin": "leg-cramps"}"#)
        #expect(status == .serviceUnavailable && String(decoding: body, as: UTF8.self).contains("Too slow"))
        // Far sooner than the worker would answer (other tests may keep every thread busy meanwhile).
        #expect(ContinuousClock.now - started < .seconds(300), "not the 600 s the worker would sleep")
        // The place is given back once the worker is stopped (the answer may come first).
        for _ in 0..<600 where hung.gate.load != (0, 0) { try await Task.sleep(for: .milliseconds(50)) }
        #expect(hung.gate.load == (0, 0), "the place is given back")
    }
}
