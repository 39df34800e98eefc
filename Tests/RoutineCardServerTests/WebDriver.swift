import Foundation
import TestSupport

/// A small W3C WebDriver client for chromedriver: enough to open a page, run script, click and type.
final class WebDriver: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible { var description: String }

    private let driver: Process
    private let base: URL
    private var session = ""

    /// Starts chromedriver and a headless Chromium that saves downloads into `downloads`.
    init(downloads: URL) async throws {
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver"] where !FileManager.default.isExecutableFile(atPath: tool) {
            throw Failure(description: "\(tool) is missing: scripts/install-dependencies installs chromium and chromium-driver")
        }
        let port = Int.random(in: 20_000...40_000)
        driver = Process()
        driver.executableURL = URL(fileURLWithPath: "/usr/bin/chromedriver")
        driver.arguments = ["--port=\(port)"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        guard let base = URL(string: "http://127.0.0.1:\(port)") else { throw Failure(description: "no URL for port \(port)") }
        self.base = base
        try driver.run()
        for _ in 0..<100 {
            if let status = try? await request("GET", "/status"), (status["value"] as? [String: Any])?["ready"] as? Bool == true { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "goog:chromeOptions": [
                        "binary": "/usr/bin/chromium",
                        "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000"],
                        "prefs": ["download.default_directory": downloads.path, "download.prompt_for_download": false],
                    ],
                ]
            ]
        ]
        let answer = try await request("POST", "/session", capabilities)
        guard let value = answer["value"] as? [String: Any], let id = value["sessionId"] as? String else {
            throw Failure(description: "chromedriver gave no session: \(answer)")
        }
        session = id
    }

    /// Ends the session and chromedriver; neither may hold the test up for more than a few seconds.
    func quit() async {
        _ = try? ExternalTool.run("curl", ["-s", "-m", "5", "-X", "DELETE", base.absoluteString + "/session/\(session)"])
        driver.terminate()
        for _ in 0..<50 where driver.isRunning { try? await Task.sleep(for: .milliseconds(100)) }
        if driver.isRunning { kill(driver.processIdentifier, SIGKILL) }
    }

    func open(_ url: String) async throws { _ = try await request("POST", "/session/\(session)/url", ["url": url]) }

    /// Runs `script` in the page and returns its result.
    func run(_ script: String, _ arguments: [Any] = []) async throws -> Any? {
        try await request("POST", "/session/\(session)/execute/sync", ["script": script, "args": arguments])["value"]
    }

    func element(_ css: String) async throws -> String {
        let answer = try await request("POST", "/session/\(session)/element", ["using": "css selector", "value": css])
        guard let value = answer["value"] as? [String: Any], let id = value.values.first as? String else {
            throw Failure(description: "no element \(css): \(answer)")
        }
        return id
    }

    func click(_ css: String) async throws { _ = try await request("POST", "/session/\(session)/element/\(try await element(css))/click", [:]) }

    func type(_ text: String, into css: String) async throws {
        _ = try await request("POST", "/session/\(session)/element/\(try await element(css))/value", ["text": text])
    }

    func screenshot(to url: URL) async throws {
        guard let base64 = try await request("GET", "/session/\(session)/screenshot")["value"] as? String, let data = Data(base64Encoded: base64) else {
            throw Failure(description: "no screenshot")
        }
        try data.write(to: url)
    }

    /// Waits until `script` returns something truthy, up to `seconds`.
    @discardableResult
    func wait(_ what: String, seconds: Double = 20, for script: String) async throws -> Any {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if let value = try await run(script), !(value is NSNull), (value as? Bool) != false, (value as? String) != "" { return value }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure(description: "timed out waiting for \(what)")
    }

    /// One WebDriver call, made with curl (Foundation's URLSession on Linux trips over chromedriver's answers).
    private func request(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> [String: Any] {
        var arguments = ["-s", "-m", "60", "-X", method, base.absoluteString + path]
        var input: Data?
        if let body {
            input = try JSONSerialization.data(withJSONObject: body)
            arguments += ["-H", "Content-Type: application/json", "--data-binary", "@-"]
        }
        let result = try ExternalTool.run("curl", arguments, stdin: input)
        guard result.status == 0 else { throw Failure(description: "curl \(method) \(path) failed (\(result.status)): \(result.stderr)") }
        return (try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]) ?? [:]
    }
}
