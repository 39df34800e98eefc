import Foundation
import Testing
import TestSupport

/// What `-o` does to each kind of target, and to broken standard streams.
struct OutputTargetTests: CLITest {
    let cli: CLIHarness
    init() throws { cli = try CLIHarness() }

    private func kind(_ path: String) throws -> String {
        try ExternalTool.run("stat", ["-c", "%F", path]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aCharacterDeviceIsWrittenToNotReplaced() throws {
        let result = try run(["render", "-o", "/dev/null", "--format", "pdf", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try kind("/dev/null") == "character special file")
    }

    @Test func aFIFOIsWrittenToNotReplaced() throws {
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let copy = folder.appendingPathComponent("copy.pdf").path
        let reader = Thread { _ = try? ExternalTool.run("sh", ["-c", "cat \"$0\" > \"$1\"", fifo, copy]) }
        reader.start()
        let result = try run(["render", "-o", "pipe", "--format", "pdf", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try kind(fifo) == "fifo")
        for _ in 0..<50 where (try? Data(contentsOf: URL(fileURLWithPath: copy)).count) ?? 0 == 0 { usleep(100_000) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)).starts(with: Array("%PDF".utf8)))
    }

    @Test func aSymlinkStaysALinkAndItsTargetIsReplaced() throws {
        let target = folder.appendingPathComponent("real.pdf")
        try Data("old".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.pdf").path, withDestinationPath: "real.pdf")
        let result = try run(["render", "-o", "link.pdf", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try kind(folder.appendingPathComponent("link.pdf").path) == "symbolic link")
        #expect(try Data(contentsOf: target).starts(with: Array("%PDF".utf8)))
    }

    @Test func aFolderIsAnInputOutputError() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("out.pdf"), withIntermediateDirectories: true)
        let result = try run(["render", "-o", "out.pdf"])
        #expect(result.status == 74)
        #expect(result.stderr.contains("is a folder"))
    }

    @Test func anEmptyOutputNameIsAUsageError() throws {
        #expect(try run(["render", "-o", ""]).status == 64)
    }

    @Test func closedAndFullStandardOutputEndWithStatus74AndNoCrash() throws {
        for redirect in [">&-", ">/dev/full"] {
            let result = try ExternalTool.run("sh", ["-c", "\"$0\" render -o - -q \(redirect)", tool], in: folder)
            #expect(result.status == 74, "\(redirect): \(result.stderr)")
            #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Backtrace"), "\(result.stderr)")
        }
        for redirect in ["2>&-", "2>/dev/full"] {
            let result = try ExternalTool.run("sh", ["-c", "\"$0\" render -o x.pdf \(redirect)", tool], in: folder)
            #expect(result.status == 0, "\(redirect)")
        }
    }

    @Test func aPageThatCannotBeWrittenLeavesNoPagesBehind() throws {
        // Page 2 of a multi-page PNG is a folder: nothing is written, not even page 1.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("hc-2.png"), withIntermediateDirectories: true)
        let result = try run(["render", "leg-cramps", "--theme", "high-contrast", "-o", "hc.png", "--dpi", "20"])
        #expect(result.status == 74, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("hc-1.png").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }
}
