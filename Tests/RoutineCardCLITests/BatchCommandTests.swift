import Foundation
import Testing
import TestSupport

/// `routinecard batch` end to end: manifests, failures, safety, shards, determinism.
struct BatchCommandTests: CLITest {
    let cli: CLIHarness
    init() throws { cli = try CLIHarness() }

    /// A CSV manifest of `rows` rows; `broken` rows name a routine that does not exist.
    func manifest(rows: Int, broken: Set<Int> = [], name: String = "m.csv", output: (Int) -> String = { "card-\($0).pdf" }) throws {
        var text = "routines,output,for\n"
        for i in 1...rows { text += "\(broken.contains(i) ? "no-such-routine" : (i % 2 == 0 ? "desk-break" : "leg-cramps")),\(output(i)),Person \(i)\n" }
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    func files(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(dir).path)) ?? []).sorted()
    }

    @Test func aManifestRendersEveryRowAndJobsDoNotChangeTheBytes() throws {
        try manifest(rows: 24)
        #expect(try run(["batch", "m.csv", "--out-dir", "one", "--jobs", "1", "-q"]).status == 0)
        #expect(try run(["batch", "m.csv", "--out-dir", "two", "--jobs", "2", "-q"]).status == 0)
        #expect(files("one").count == 24)
        #expect(files("one") == files("two"))
        for name in files("one") {
            let a = try Data(contentsOf: folder.appendingPathComponent("one/\(name)"))
            #expect(a == (try Data(contentsOf: folder.appendingPathComponent("two/\(name)"))), "\(name)")
        }
        let text = try ExternalTool.run("pdftotext", [folder.appendingPathComponent("one/card-7.pdf").path, "-"]).output
        #expect(text.contains("For Person 7"))
    }

    @Test func aBadRowStopsTheBatchUnlessKeepGoing() throws {
        try manifest(rows: 30, broken: [15])
        let stopped = try run(["batch", "m.csv", "--out-dir", "stop", "--jobs", "1"])
        #expect(stopped.status == 65)
        #expect(stopped.stderr.contains("row 15"))
        #expect(files("stop").count == 14, "rows before the broken one are written, none after")
        let going = try run(["batch", "m.csv", "--out-dir", "go", "--keep-going", "--jobs", "2"])
        #expect(going.status == 1)
        #expect(files("go").count == 29)
        for dir in ["stop", "go"] { #expect(!files(dir).contains { $0.hasSuffix(".tmp") || $0.hasPrefix(".") }) }
    }

    @Test func jsonReportsOneObjectPerRowOnStdout() throws {
        try manifest(rows: 6, broken: [3])
        let result = try run(["batch", "m.csv", "--out-dir", "j", "--json", "--keep-going"])
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 6)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in ["output", "pages", "cards", "bytes", "warnings", "error", "ms"] { #expect(object.keys.contains(key), "\(key)") }
            if object["row"] as? Int == 3 {
                #expect(object["error"] is String)
            } else {
                #expect(object["error"] is NSNull)
                #expect((object["cards"] as? Int ?? 0) >= 1 && (object["pages"] as? Int ?? 0) >= (object["cards"] as? Int ?? 0))
            }
        }
    }

    @Test func outputsMayNotEscapeTheOutputFolder() throws {
        try manifest(rows: 3, output: { $0 == 2 ? "../escape.pdf" : "ok-\($0).pdf" })
        let refused = try run(["batch", "m.csv", "--out-dir", "out"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("outside the output folder"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("escape.pdf").path))
        // A symlinked folder inside the output folder that points out is caught too.
        let outside = try ExternalTool.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("out2"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("out2/link"), withDestinationURL: outside)
        try manifest(rows: 2, name: "s.csv", output: { $0 == 1 ? "link/sneaky.pdf" : "/tmp/absolute-\(UUID().uuidString).pdf" })
        let symlinked = try run(["batch", "s.csv", "--out-dir", "out2", "--keep-going"])
        #expect(symlinked.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        #expect(try run(["batch", "m.csv", "--out-dir", "out3", "--allow-outside", "-q"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("escape.pdf").path))
    }

    @Test func twoRowsWritingTheSameOutputStopBeforeAnythingIsRendered() throws {
        try manifest(rows: 5, output: { $0 == 4 ? "card-1.pdf" : "card-\($0).pdf" })
        let result = try run(["batch", "m.csv", "--out-dir", "dup", "--keep-going"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("rows 1 and 4"))
        #expect(files("dup").isEmpty)
    }

    @Test func shardsTogetherCoverEveryRowExactlyOnce() throws {
        try manifest(rows: 20)
        var seen: [String] = []
        for k in 0..<3 {
            #expect(try run(["batch", "m.csv", "--out-dir", "shard\(k)", "--shard", "\(k)/3", "-q"]).status == 0)
            seen += files("shard\(k)")
        }
        #expect(seen.count == 20)
        #expect(Set(seen) == Set((1...20).map { "card-\($0).pdf" }))
        var environment = ProcessInfo.processInfo.environment
        environment["JOB_COMPLETION_INDEX"] = "1"
        environment["JOB_COMPLETION_COUNT"] = "3"
        #expect(try run(["batch", "m.csv", "--out-dir", "env", "--shard", "env", "-q"], environment: environment).status == 0)
        #expect(files("env") == files("shard1"))
        #expect(try run(["batch", "m.csv", "--shard", "3/3"]).status == 64)
    }

    @Test func anUnwritableOutputFolderIsAnIOError() throws {
        try Data("not a folder".utf8).write(to: folder.appendingPathComponent("plain-file"))
        try manifest(rows: 2)
        let result = try run(["batch", "m.csv", "--out-dir", "plain-file/cards"])
        #expect(result.status == 74, "\(result.stderr)")
    }

    @Test func anInterruptedBatchLeavesNoPartialFiles() throws {
        try manifest(rows: 400)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["batch", "m.csv", "--out-dir", "cut", "--jobs", "2", "-q"]
        process.currentDirectoryURL = folder
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until some cards exist, then interrupt in the middle of the run.
        let deadline = Date().addingTimeInterval(20)
        while files("cut").filter({ $0.hasSuffix(".pdf") }).count < 5, Date() < deadline { usleep(20_000) }
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + SIGTERM || process.terminationReason == .uncaughtSignal)
        let left = files("cut")
        #expect(left.count < 400)
        #expect(!left.contains { $0.hasSuffix(".tmp") }, "\(left.filter { $0.hasSuffix(".tmp") })")
        for name in left {
            let data = try Data(contentsOf: folder.appendingPathComponent("cut/\(name)"))
            #expect(String(decoding: data.suffix(6), as: UTF8.self).contains("%%EOF"), "\(name) is complete")
        }
    }

    @Test func dryRunChecksEveryRowAndWritesNothing() throws {
        try manifest(rows: 4, broken: [2])
        let result = try run(["batch", "m.csv", "--out-dir", "dry", "--dry-run", "--keep-going"])
        #expect(result.status == 1)
        #expect(result.output.contains("would write") && result.output.contains("card-4.pdf"))
        #expect(result.stderr.contains("row 2"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("dry").path))
    }

    @Test func jsonLinesAndYAMLManifestsWorkAndRelativeRoutinesResolveAgainstTheManifest() throws {
        let sub = folder.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try Data("title: Own\nsections:\n  - notes: Mine.\n".utf8).write(to: sub.appendingPathComponent("own.yaml"))
        try Data(
            """
            {"routines": "own.yaml", "output": "a.png", "dpi": 50}
            {"routines": ["leg-cramps#stretches", "own.yaml"], "output": "b.pdf", "language": "de"}

            """.utf8
        ).write(to: sub.appendingPathComponent("m.jsonl"))
        try Data("- routines: own.yaml\n  output: c.svg\n- routines: [night-cramps]\n  output: d.pdf\n  template: wallet\n".utf8)
            .write(to: sub.appendingPathComponent("m.yaml"))
        #expect(try run(["batch", "plans/m.jsonl", "--out-dir", "jl", "-q"]).status == 0)
        #expect(try run(["batch", "plans/m.yaml", "--out-dir", "ym", "-q"]).status == 0)
        #expect(files("jl") == ["a.png", "b.pdf"])
        #expect(files("ym") == ["c.svg", "d.pdf"])
        let german = try ExternalTool.run("pdftotext", [folder.appendingPathComponent("jl/b.pdf").path, "-"]).output
        #expect(german.contains("Ersetzt keine ärztliche Beratung"))
    }

    @Test func renderWithOutDirWritesOneFilePerInput() throws {
        for name in ["first", "second"] {
            try Data("title: \(name)\nsections:\n  - notes: Text.\n".utf8).write(to: folder.appendingPathComponent("\(name).yaml"))
        }
        #expect(try run(["render", "first.yaml", "second.yaml", "leg-cramps", "--out-dir", "cards", "-q"]).status == 0)
        #expect(files("cards") == ["first.pdf", "leg-cramps.pdf", "second.pdf"])
    }

    @Test func aPDFOnStandardOutputReadsWithPdfinfo() throws {
        let card = try run(["render", "leg-cramps", "-o", "-"])
        let info = try ExternalTool.run("pdfinfo", ["-"], stdin: card.stdout)
        #expect(info.status == 0 && info.output.contains("Pages:"))
    }
}
