import Foundation
import Testing
import TestSupport

/// A mixed batch at more jobs than cores, several times: every card written, bytes the same
/// whatever --jobs is, and no hang (each run under `timeout`).
struct BatchSoakTests: CLITest {
    let cli: CLIHarness
    init() throws { cli = try CLIHarness() }

    private func manifest() throws {
        let svg = ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 30"><rect x="2" y="2" width="36" height="26" rx="4" fill="#cde"/></svg>"##
        try Data(svg.utf8).write(to: folder.appendingPathComponent("pic.svg"))
        let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC") ?? Data()
        try png.write(to: folder.appendingPathComponent("dot.png"))
        let routine = """
            title: Übungen — ΑΒΓ ∑ ≈ ☂
            language: de
            sections:
              - exercises:
                  - name: Wadenheben ü ß
                    illustration: ./pic.svg
                    dose: {sets: 2, reps: 10}
                    steps: [Aufrecht stehen → ∑ ≈ ☂]
                  - name: Punkt
                    illustration: ./dot.png
                    dose: {hold: 30, side: each}
            """
        try Data(routine.utf8).write(to: folder.appendingPathComponent("custom.yaml"))
        let routines = ["leg-cramps", "night-cramps", "desk-break", "runner-cooldown", "custom.yaml"]
        let formats = ["pdf", "png", "svg"], templates = ["fridge", "sheet", "wallet"], fonts = ["", "DejaVu Serif", "DejaVu Sans Mono"]
        var rows = ["routines,output,template,font,for,dpi"]
        for n in 0..<150 {
            let format = formats[n % 3]
            rows.append(
                "\(routines[n % 5]),c\(n).\(format),\(templates[(n / 3) % 3]),\(fonts[(n / 9) % 3]),\(["Zoë", "Ярослав", ""][n % 3]),\(format == "png" ? "20" : "")"
            )
        }
        try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("m.csv"))
    }

    @Test func mixedBatchesAtEightJobsFinishAndMatchOneJob() throws {
        try manifest()
        var digests: [String] = []
        for (run, jobs) in [1, 8, 8, 3].enumerated() {
            let out = "out\(run)"
            let result = try ExternalTool.run(
                "timeout", ["180", tool, "batch", "m.csv", "--out-dir", out, "--jobs", "\(jobs)", "-q", "--keep-going"], in: folder)
            #expect(result.status == 0, "run \(run) at --jobs \(jobs) (124 is a hang): \(result.stderr)")
            let listing = try ExternalTool.run("sh", ["-c", "cd \(out) && ls | wc -l && cat $(ls | sort) | md5sum"], in: folder).output
            digests.append(listing)
        }
        #expect(Set(digests).count == 1, "outputs differ between runs: \(digests)")
    }

    @Test func aManifestFromAPipeIsReadOnce() throws {
        let rows = (1...5).map { #"{"routines": "leg-cramps", "output": "p\#($0).pdf", "for": "P\#($0)"}"# }.joined(separator: "\n")
        let result = try ExternalTool.run(
            "sh", ["-c", "cat | \"$0\" batch /dev/stdin --manifest-format jsonl --out-dir piped --jobs 2", tool],
            stdin: Data(rows.utf8), in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("wrote 5 of 5"), "\(result.stderr)")
    }

    @Test func pngPageNamesAndStaleTemporaryFilesAreHandled() throws {
        try Data("routines,output\nleg-cramps,x.png\nnight-cramps,x-1.png\n".utf8).write(to: folder.appendingPathComponent("dup.csv"))
        let duplicate = try run(["batch", "dup.csv", "--out-dir", "o"])
        #expect(duplicate.status == 65 && duplicate.stderr.contains("one of its pages"), "\(duplicate.stderr)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("o"), withIntermediateDirectories: true)
        // Left by a run killed with SIGKILL (its process id is not alive).
        let stale = folder.appendingPathComponent("o/.a.pdf.999999999.abcdefgh.tmp")
        try Data().write(to: stale)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("o/sub"), withIntermediateDirectories: true)
        let staleInSubfolder = folder.appendingPathComponent("o/sub/.b.pdf.999999998.abcdefgh.tmp")
        try Data().write(to: staleInSubfolder)
        try Data("routines,output\nleg-cramps,a.pdf\nnight-cramps,sub/b.pdf\n".utf8).write(to: folder.appendingPathComponent("one.csv"))
        #expect(try run(["batch", "one.csv", "--out-dir", "o", "-q"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(!FileManager.default.fileExists(atPath: staleInSubfolder.path))
    }

    @Test func aSymlinkedPathIsTheSameOutput() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("o"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("o/self").path, withDestinationPath: ".")
        try Data("routines,output\nleg-cramps,a.pdf\nnight-cramps,self/a.pdf\n".utf8).write(to: folder.appendingPathComponent("sl.csv"))
        let result = try run(["batch", "sl.csv", "--out-dir", "o"])
        #expect(result.status == 65 && result.stderr.contains("rows 1 and 2 both write"), "\(result.stderr)")
    }

    @Test func rowNumbersStayTheManifestsAfterABadRow() throws {
        try Data("routines,output\nleg-cramps,a.pdf\nleg-cramps,b.pdf,extra\nno-such,c.pdf\nleg-cramps,d.pdf\n".utf8)
            .write(to: folder.appendingPathComponent("rows.csv"))
        for jobs in ["1", "2"] {
            let result = try run(["batch", "rows.csv", "--out-dir", "rows\(jobs)", "--jobs", jobs, "--keep-going", "--json", "-q"])
            #expect(result.status == 1)
            let rows = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").compactMap { line -> (Int, Bool)? in
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let row = object["row"] as? Int else {
                    return nil
                }
                return (row, object["error"] is NSNull)
            }.sorted { $0.0 < $1.0 }
            #expect(rows.map(\.0) == [1, 2, 3, 4] && rows.map(\.1) == [true, false, false, true], "--jobs \(jobs): \(rows)")
        }
    }

    @Test func twoRoutinesWithOneNameGetTwoFiles() throws {
        for (folderName, id) in [("a", "desk-break"), ("b", "night-cramps")] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(folderName), withIntermediateDirectories: true)
            try run(["show", id, "--json"]).stdout.write(to: folder.appendingPathComponent("\(folderName)/card.json"))
        }
        let result = try run(["render", "a/card.json", "b/card.json", "--out-dir", "stems"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("stems").path)) == ["card.pdf", "card_2.pdf"])
    }
}
