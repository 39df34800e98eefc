import Foundation

/// The result of running a program.
public struct ToolResult: Sendable {
    public var status: Int32
    public var stdout: Data
    public var stderr: String
    public var output: String { String(decoding: stdout, as: UTF8.self) }
}

/// Runs real programs (poppler's pdfinfo, qpdf, the built CLI) so tests read output the way users'
/// tools do, not through our own code.
public enum ExternalTool {
    /// Runs `executable` (a path, or a name looked up on PATH) with `arguments`.
    public static func run(
        _ executable: String, _ arguments: [String], stdin: Data? = nil,
        environment: [String: String]? = nil, in folder: URL? = nil
    ) throws -> ToolResult {
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        if let environment { process.environment = environment }
        if let folder { process.currentDirectoryURL = folder }
        // stderr goes to a file so that neither stream can fill up and block the child.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let errorHandle = try FileHandle(forWritingTo: errorFile)
        let out = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = errorHandle
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorHandle.close()
        let errorText = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return ToolResult(status: process.terminationStatus, stdout: outputData, stderr: errorText)
    }

    /// A new empty folder under the system's temporary folder.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("routinecard-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The value of `key: value` in pdfinfo-style output.
    public static func field(_ key: String, in text: String) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
            return line.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}

extension ExternalTool {
    /// The path of an executable built beside the test bundle (SwiftPM puts products together).
    public static func builtProduct(_ name: String) throws -> String {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            folder.deleteLastPathComponent()
        }
        struct NotBuilt: Error, CustomStringConvertible { var description: String }
        throw NotBuilt(description: "\(name) was not found beside \(CommandLine.arguments[0]); run `swift build` first")
    }
}

/// The built `routinecard` run in a fresh folder of its own, as a user would run it.
public struct CLIHarness: Sendable {
    public let tool: String
    public let folder: URL

    public init() throws {
        tool = try ExternalTool.builtProduct("routinecard")
        folder = try ExternalTool.temporaryFolder()
    }

    /// Runs the tool; its config folder is the test's own unless `environment` says otherwise, so
    /// a developer's personal config file cannot change what the tests see.
    public func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String]? = nil) throws -> ToolResult {
        var environment = environment ?? ProcessInfo.processInfo.environment
        if environment["XDG_CONFIG_HOME"] == nil { environment["XDG_CONFIG_HOME"] = folder.appendingPathComponent("config-home").path }
        return try ExternalTool.run(tool, arguments, stdin: stdin, environment: environment, in: folder)
    }
}

/// A test suite that drives the CLI: `run`, `tool` and `folder` come from its harness.
public protocol CLITest {
    var cli: CLIHarness { get }
}

extension CLITest {
    public var tool: String { cli.tool }
    public var folder: URL { cli.folder }

    public func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String]? = nil) throws -> ToolResult {
        try cli.run(arguments, stdin: stdin, environment: environment)
    }
}
