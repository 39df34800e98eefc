import Foundation
import Testing
import TestSupport
@testable import RoutineCard
@testable import RoutineCardBatch

/// Fuzzes every input the tool parses beyond a bare routine: routines with pictures (next to them,
/// outside, broken, huge, hostile SVG), config files and manifests. Each must end in a value or a
/// clear error, quickly: no trap, no hang, no file read from outside. `ROUTINECARD_FUZZ_ROUNDS`
/// makes a longer run (the default keeps the suite fast).
struct InputFuzzTests {
    static let rounds = ProcessInfo.processInfo.environment["ROUTINECARD_FUZZ_ROUNDS"].flatMap(Int.init) ?? 600

    static let fragments =
        LoaderFuzzTests.fragments + [
            "./pic.svg", "./pic.png", "../x.svg", "/etc/passwd.png", "./link.svg", "./big.png", "./ext.svg", "./nope.svg",
            "illustration: ", "icon: ", "hold: ", "99999999999999999999", "10-99999999999999999999 min", "*x", "&x ", "? *x\n: 1\n",
            "paper: ", "sheet: ", "letter", "a4", "back_offset: ", "1.5mm,-0.5mm", "dpi: ", "0", "-5", "2400", "margin: ", "9999mm",
            "routines", "output", ",", "\"", "\r\n", "{\"routines\": \"leg-cramps\"}", "x.png", "x-1.png", "../../etc/x.pdf",
        ]

    /// A folder holding the pictures the mutated routines name, good and bad.
    static func pictureFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>"#.utf8)
            .write(to: folder.appendingPathComponent("pic.svg"))
        try Data(#"<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/hostname"/></svg>"#.utf8)
            .write(to: folder.appendingPathComponent("ext.svg"))
        // A valid 1 × 1 PNG, and a header that claims 60000 × 60000 pixels.
        let tiny = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC") ?? Data()
        try tiny.write(to: folder.appendingPathComponent("pic.png"))
        var big = [UInt8](tiny)
        big.replaceSubrange(16..<24, with: [0, 0, 0xEA, 0x60, 0, 0, 0xEA, 0x60])
        try Data(big).write(to: folder.appendingPathComponent("big.png"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.svg").path, withDestinationPath: "/etc/hostname")
        return folder
    }

    static func mutate(_ seed: String, _ generator: inout SeededGenerator) -> Data {
        var bytes = Array(seed.utf8)
        for _ in 0..<Int.random(in: 1...6, using: &generator) {
            let position = Int.random(in: 0...bytes.count, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0 where position < bytes.count: bytes.remove(at: position)
            case 1: bytes.insert(contentsOf: Array((fragments.randomElement(using: &generator) ?? "").utf8), at: position)
            case 2 where position < bytes.count: bytes[position] = UInt8.random(in: 0...255, using: &generator)
            default: bytes.insert(contentsOf: Array((fragments.randomElement(using: &generator) ?? "").utf8), at: bytes.count)
            }
        }
        return Data(bytes)
    }

    /// Runs `body` and fails if it spends more than a second of this thread's CPU time: work that
    /// grows with the input, or a loop that never ends (one round takes about a millisecond). CPU
    /// time, not the clock: the other suites running beside this one on a loaded machine once
    /// stretched a round to 6 s of wall time.
    static func timed(_ what: String, _ body: () -> Void) {
        func cpuSeconds() -> Double {
            var now = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
            return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
        }
        let start = cpuSeconds()
        body()
        #expect(cpuSeconds() - start < 1.0, "\(what) took \(cpuSeconds() - start) s of CPU")
    }

    @Test func routinesWithPicturesNeverTrapOrEscape() throws {
        let folder = try Self.pictureFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let seed = """
            title: T
            sections:
              - exercises:
                  - name: A
                    illustration: ./pic.svg
                    dose: {sets: 2, reps: 10, hold: 30}
                  - name: B
                    illustration: ./pic.png
              - therapy:
                  - kind: heat
                    duration: 15-20 min
                    icon: heat
            """
        var generator = SeededGenerator(seed: 20261127)
        for round in 0..<Self.rounds {
            let data = Self.mutate(seed, &generator)
            let file = folder.appendingPathComponent("r.yaml")
            try data.write(to: file)
            Self.timed("round \(round)") {
                do {
                    let routine = try RoutineLoader.load(contentsOf: file)
                    // Whatever loaded names only pictures inside the folder (or built-ins).
                    for case .exercises(let items) in routine.sections.map(\.content) {
                        for path in items.compactMap(\.illustration) where path.hasPrefix("/") {
                            #expect(path.hasPrefix(folder.resolvingSymlinksInPath().path + "/"), "round \(round): \(path)")
                        }
                    }
                } catch let error as RoutineLoadError {
                    #expect(error.diagnostics.allSatisfy { !$0.message.isEmpty })
                } catch {
                    Issue.record("round \(round): an error that is not a RoutineLoadError: \(error)")
                }
            }
        }
    }

    @Test func configFilesNeverTrap() throws {
        let folder = try Self.pictureFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let seed =
            "paper: letter\ntemplate: fridge\ntheme: ink-saver\nlanguage: es\nby: Dr Lee\nmargin: 8mm\ndpi: 200\nsheet: letter\nback_offset: 1.5mm,-0.5mm\n"
        var generator = SeededGenerator(seed: 7)
        for round in 0..<Self.rounds {
            let file = folder.appendingPathComponent("config.yaml")
            try Self.mutate(seed, &generator).write(to: file)
            Self.timed("config round \(round)") {
                if let settings = try? ConfigFile.load(file) {
                    _ = try? CardSettings().filled(from: settings).cardOptions()
                }
            }
        }
    }

    @Test func manifestsNeverTrap() throws {
        let folder = try Self.pictureFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let seeds: [(ManifestFormat, String)] = [
            (.csv, "routines,output,for,dpi,tracker\nleg-cramps,a.pdf,Ana,,true\nnight-cramps desk-break,b.png,Ben,50,false\n"),
            (.jsonl, "{\"routines\": \"leg-cramps\", \"output\": \"a.pdf\"}\n{\"routines\": [\"desk-break\"], \"output\": \"x.png\", \"dpi\": 40}\n"),
            (.yaml, "- routines: leg-cramps\n  output: a.pdf\n- routines: [night-cramps]\n  output: b.svg\n"),
        ]
        var generator = SeededGenerator(seed: 99)
        for round in 0..<Self.rounds {
            let (format, seed) = seeds[round % seeds.count]
            let data = Self.mutate(seed, &generator)
            let file = folder.appendingPathComponent("m.\(format.rawValue)")
            try data.write(to: file)
            Self.timed("manifest round \(round)") {
                guard
                    let runner = try? BatchRunner(
                        manifest: file, format: format, options: BatchOptions(outputFolder: folder.appendingPathComponent("out"), dryRun: true))
                else { return }
                _ = try? runner.plan()
                guard let reader = try? ManifestReader(data: data, name: "m", format: format) else { return }
                var count = 0
                while reader.next() != nil, count < 10_000 { count += 1 }
            }
        }
    }
}
