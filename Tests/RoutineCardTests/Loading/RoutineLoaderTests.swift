import Foundation
import Testing
@testable import RoutineCard

struct RoutineLoaderTests {
    func load(_ yaml: String, format: RoutineFileFormat = .yaml) throws(RoutineLoadError) -> Routine {
        try RoutineLoader.load(data: Data(yaml.utf8), file: "test.yaml", format: format)
    }

    /// The diagnostics a file produces, as `line:column: message`.
    func errors(_ yaml: String, format: RoutineFileFormat = .yaml) -> [Diagnostic] {
        do {
            _ = try load(yaml, format: format)
            Issue.record("expected errors, but the file loaded")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func everyBuiltInFileLoadsWithoutAProblem() throws {
        let paths = AssetStore.paths(in: "routines", suffix: ".yaml")
        #expect(paths.count >= 4)
        for path in paths {
            let data = try #require(AssetStore.data(path))
            #expect(throws: Never.self) { try RoutineLoader.load(data: data, file: path) }
        }
        // Each id in English, Spanish and German: leg-cramps.yaml, leg-cramps.es.yaml, leg-cramps.de.yaml.
        #expect(Routine.builtInIDs.count * 3 == paths.count)
        #expect(Routine.builtInIDs.contains("leg-cramps"))
    }

    @Test func everyBuiltInRoutineRoundTripsThroughJSON() throws {
        for id in Routine.builtInIDs {
            let routine = try Routine.builtIn(id)
            let json = try RoutineFiles.json(routine)
            let again = try RoutineLoader.load(data: json, file: "\(id).json", format: .json)
            #expect(again == routine, "\(id)")
        }
    }

    @Test func aMisspeltKeyGetsADidYouMeanAtItsPosition() {
        let found = errors("title: Ok\nsections:\n  - notes: hi\nsubtitel: x\n")
        #expect(found.count == 1)
        #expect(found.first?.line == 4 && found.first?.column == 1)
        #expect(found.first?.message.contains("did you mean 'subtitle'") == true)
        #expect(found.first?.description.hasPrefix("test.yaml:4:1: error: ") == true)
    }

    @Test func threeMistakesGiveThreeErrorsInOneRun() {
        let found = errors(
            """
            titel: Oops
            sections:
              - exercises:
                  - name: Calf raise
                    dose: { reps: 0 }
              - therapy:
                  - kind: hot
            """)
        #expect(found.count == 3)
        #expect(found.map(\.line) == [1, 5, 7])
        #expect(found[0].message.contains("did you mean 'title'"))
        #expect(found[1].message.contains("reps is 0"))
        #expect(found[2].message.contains("did you mean 'heat'"))
    }

    @Test(arguments: [
        ("title: [a, b]\nsections:\n  - notes: x\n", 1, 8, "should be text"),
        ("title: T\n", 1, 1, "missing 'sections'"),
        ("title: T\nsections: []\n", 2, 11, "no sections"),
        ("title: T\nsections:\n  - exercises: []\n", 3, 16, "are empty"),
        ("title: T\nsections:\n  - exercises:\n      - name: A\n        video: ftp://x.example/a.mp4\n", 5, 16, "video of"),
        ("title: T\nvideo: javascript:alert(1)\nsections:\n  - notes: x\n", 2, 8, "the routine's video"),
        ("title: T\ndiary: [count, naps]\nsections:\n  - notes: x\n", 2, 16, "'naps' is not one of count, longest, pain, sleep"),
        ("title: T\ndiary: [pain, pain]\nsections:\n  - notes: x\n", 2, 15, "listed twice"),
        ("title: T\ndiary: often\nsections:\n  - notes: x\n", 2, 8, "true or false"),
        ("title: T\nsections:\n  - exercises:\n      - name: A\n        dose: { hold: 2h }\n", 5, 23, "between 1s and 10 min"),
        ("title: T\nsections:\n  - exercises:\n      - name: A\n        dose: { side: middle }\n", 5, 23, "not one of each, both, left, right, affected"),
        ("title: T\nsections:\n  - exercises:\n      - name: A\n        illustration: flying-kick\n", 5, 23, "not a built-in picture"),
        ("title: T\nsections:\n  - exercises:\n      - name: A\n        illustration: ./missing.svg\n", 5, 23, "need the routine's folder"),
        ("title: T\nsections:\n  - therapy:\n      - kind: cold\n        duration: 45 min\n", 5, 19, "at most 20 minutes"),
        ("title: T\nsections:\n  - therapy:\n      - kind: contrast\n        duration: 60 min\n", 5, 19, "at most 30 minutes"),
        (
            "title: T\nsections:\n  - therapy:\n      - kind: other\n        name: Ice bath\n        duration: 60 min\n        caution: Get out if numb.\n", 6,
            19, "at most 30 minutes"
        ),
        ("title: T\nsections:\n  - therapy:\n      - kind: other\n        name: Ice bath\n", 4, 9, "needs a caution"),
        ("title: T\nsections:\n  - therapy:\n      - kind: contrast\n        duration: 15 min\n", 4, 9, "needs its warm and cold times"),
        (
            "title: T\nsections:\n  - therapy:\n      - kind: contrast\n        warm: 12 min\n        cold: 1 min\n", 5, 15,
            "warm spell should last at most 10 minutes"
        ),
        (
            "title: T\nsections:\n  - therapy:\n      - kind: contrast\n        warm: 3 min\n        cold: 6 min\n", 6, 15,
            "cold spell should last at most 5 minutes"
        ),
        ("title: T\nsections:\n  - therapy:\n      - kind: heat\n        warm: 3 min\n        caution: Low.\n", 5, 15, "belong to contrast therapy"),
        ("title: T\nlanguage: english!\nsections:\n  - notes: x\n", 2, 11, "not a language tag"),
        ("title: T\nsections:\n  - id: a\n    notes: x\n  - id: a\n    notes: y\n", 5, 5, "two sections have the id 'a'"),
        ("title: T\nsections:\n  - notes: x\n    tips: [y]\n", 3, 5, "mixes"),
        ("title: T\nsections:\n  - id: a\n", 3, 5, "has no content"),
        ("title: T\ntitle: U\nsections:\n  - notes: x\n", 1, 1, "given twice"),
        ("title: T\nsections:\n  - notes: [unclosed\n", 4, 1, "not valid YAML"),
        ("- just\n- a list\n", 1, 1, "should be a mapping"),
    ])
    func eachProblemIsReportedWhereItIs(yaml: String, line: Int, column: Int, phrase: String) {
        let found = errors(yaml)
        #expect(
            found.contains { $0.line == line && $0.column == column && $0.message.contains(phrase) },
            "\(found.map(\.description))")
    }

    @Test func jsonSyntaxErrorsAreReportedByLineAndColumn() {
        let found = errors("{\n  \"title\": \"x\",\n  \"sections\": [}\n", format: .json)
        #expect(found.count == 1)
        #expect(found.first?.line == 3)
        #expect(found.first?.message.contains("not valid JSON") == true)
    }

    @Test func jsonFilesUseTheSameRules() {
        let found = errors(#"{"titel": "x", "sections": [{"notes": "n"}]}"#, format: .json)
        #expect(found.first?.message.contains("did you mean 'title'") == true)
        #expect(found.first?.line == 1 && found.first?.column == 2)
    }

    @Test func durationsAndRepsAcceptTheirFriendlyForms() throws {
        let routine = try load(
            """
            title: T
            sections:
              - exercises:
                  - name: A
                    dose: { reps: 10×, hold: 1m30s, duration: 2 min }
                  - name: B
                    dose: { reps: 12x, hold: 30 }
              - therapy:
                  - kind: heat
                    duration: 15-20 min
            """)
        guard case .exercises(let items) = routine.sections[0].content, case .therapy(let therapy) = routine.sections[1].content else {
            Issue.record("wrong sections"); return
        }
        #expect(items[0].dose == Dose(reps: 10, hold: 90, duration: 120))
        #expect(items[1].dose == Dose(reps: 12, hold: 30))
        #expect(therapy[0].duration == DurationRange(minSeconds: 900, maxSeconds: 1200))
        #expect(routine.id == "routine" && routine.language == "en")
    }

    @Test func textKeepsMarkupLiteral() throws {
        let routine = try load("title: T\nsections:\n  - tips:\n      - \"<b>&amp;</b>\"\n")
        guard case .tips(let tips) = routine.sections[0].content else { Issue.record("no tips"); return }
        #expect(tips[0].text == "<b>&amp;</b>")
    }

    @Test func oversizedInputIsRefusedQuickly() throws {
        let huge = Data(count: 50_000_000)
        expect(errors: { try RoutineLoader.load(data: huge, file: "huge.yaml") }, containing: "at most 1000 kB")

        var many = "title: T\nsections:\n  - exercises:\n"
        for i in 0..<10_000 { many += "      - name: E\(i)\n" }
        expect(errors: { try load(many) }, containing: "at most 200")

        let longStep = String(repeating: "a", count: 100_000)
        expect(errors: { try load("title: T\nsections:\n  - notes: \(longStep)\n") }, containing: "5000")
    }

    @Test func aFileOnDiskIsNamedInErrorsAndTooLargeFilesAreNotRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let big = folder.appendingPathComponent("big.yaml")
        FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 50_000_000)
        try handle.close()
        expect(errors: { try RoutineLoader.load(contentsOf: big) }, containing: "at most 1000 kB")
        let bad = folder.appendingPathComponent("bad.yaml")
        try Data("titel: x\nsections:\n  - notes: y\n".utf8).write(to: bad)
        do {
            _ = try RoutineLoader.load(contentsOf: bad)
            Issue.record("loaded a bad file")
        } catch {
            #expect(error.diagnostics.first?.description.hasPrefix("\(bad.path):1:1: error:") == true)
        }
    }
}

/// Expects `body` to throw a ``RoutineLoadError`` whose messages contain `phrase`.
func expect(errors body: () throws -> Any, containing phrase: String, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
        _ = try body()
        Issue.record("expected an error containing '\(phrase)'", sourceLocation: sourceLocation)
    } catch let error as RoutineLoadError {
        #expect(error.diagnostics.contains { $0.message.contains(phrase) }, "\(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
    }
}

extension RoutineLoaderTests {
    @Test func videosAndTheDiaryAreRead() throws {
        let yaml = """
            title: T
            video: https://clinic.example/routine
            diary: [pain, count]
            sections:
              - exercises:
                  - name: A
                    video: https://clinic.example/a
            """
        let routine = try RoutineLoader.load(data: Data(yaml.utf8), file: "t.yaml")
        #expect(routine.video == "https://clinic.example/routine" && routine.diary == [.pain, .count])
        guard case .exercises(let exercises) = routine.sections[0].content else { Issue.record("no exercises"); return }
        #expect(exercises[0].video == "https://clinic.example/a")
        let all = try RoutineLoader.load(data: Data("title: T\ndiary: true\nsections:\n  - notes: x\n".utf8), file: "t.yaml")
        #expect(all.diary == DiaryColumn.allCases)
        // And back through JSON, as the server and batch workers send routines.
        #expect(try JSONDecoder().decode(Routine.self, from: JSONEncoder().encode(routine)) == routine)
    }
}
