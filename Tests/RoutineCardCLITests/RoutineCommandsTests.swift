import Foundation
import Testing
import TestSupport

/// `list`, `show`, `validate`, `new`, `schema` and choosing routines, through the built binary.
struct RoutineCommandsTests: CLITest {
    let cli: CLIHarness
    init() throws { cli = try CLIHarness() }

    func write(_ text: String, _ name: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    @Test func validateNamesFileLineAndColumnAndSuggests() throws {
        try write("titel: Mine\nsections:\n  - notes: hello\n", "mine.yaml")
        let result = try run(["validate", "mine.yaml"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("mine.yaml:1:1: error: unknown field 'titel' in the routine; did you mean 'title'?"))
    }

    @Test func threeMistakesAreThreeErrorLines() throws {
        try write("titel: Mine\nsections:\n  - exercises:\n      - name: A\n        dose: { reps: -2 }\n  - tips: []\n", "three.yaml")
        let result = try run(["validate", "three.yaml", "--json"])
        #expect(result.status == 65)
        let reports = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [[String: Any]])
        let errors = try #require(reports.first?["errors"] as? [[String: Any]])
        #expect(errors.count == 3)
        #expect(errors.map { $0["line"] as? Int } == [1, 5, 6])
    }

    @Test func validFilesExitZero() throws {
        #expect(try run(["new", "Knee care"]).status == 0)
        #expect(try run(["validate", "knee-care.yaml"]).status == 0)
        #expect(try run(["validate", "nothing-here.yaml"]).status == 65)
    }

    @Test func newThenValidateThenRenderWorks() throws {
        #expect(try run(["new", "foo", "-o", "foo.yaml"]).status == 0)
        #expect(try run(["validate", "foo.yaml"]).status == 0)
        #expect(try run(["render", "foo.yaml", "-o", "foo.pdf"]).status == 0)
        #expect(try run(["new", "foo", "-o", "foo.yaml"]).status == 64, "refuses to overwrite without --force")
        let text = try ExternalTool.run("pdftotext", [folder.appendingPathComponent("foo.pdf").path, "-"]).output
        #expect(text.contains("Foo") && text.contains("Calf stretch"))
    }

    @Test func aSectionAndAFileCombineIntoOneDocument() throws {
        try write("title: My Own Routine\nsections:\n  - id: mine\n    tips:\n      - Walk every day.\n", "my-routine.yaml")
        let result = try run(["render", "leg-cramps#stretches", "my-routine.yaml", "-o", "out.pdf"])
        #expect(result.status == 0, "\(result.stderr)")
        let pdf = folder.appendingPathComponent("out.pdf").path
        let text = try ExternalTool.run("pdftotext", [pdf, "-"]).output
        #expect(text.contains("Calf raises") && text.contains("My Own Routine") && text.contains("Walk every day."))
        #expect(!text.contains("HEAT & COLD"), "only the stretches section of leg-cramps")
        #expect(ExternalTool.field("Pages", in: try ExternalTool.run("pdfinfo", [pdf]).output) == "2")
    }

    @Test func anUnknownSectionListsTheClosestFirst() throws {
        let result = try run(["render", "leg-cramps#strech"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("its sections are: stretches"))
    }

    @Test func markupInARoutinePrintsLiterally() throws {
        try write("title: Literal\nsections:\n  - exercises:\n      - name: Step test\n        steps: \"<b>&amp;</b> stays\"\n", "lit.yaml")
        #expect(try run(["render", "lit.yaml", "-o", "lit.pdf"]).status == 0)
        let text = try ExternalTool.run("pdftotext", [folder.appendingPathComponent("lit.pdf").path, "-"]).output
        #expect(text.contains("<b>&amp;</b> stays"))
    }

    @Test func aRoutineFromStandardInputRenders() throws {
        let yaml = Data("title: From a pipe\nsections:\n  - notes: Piped in.\n".utf8)
        let result = try run(["render", "-", "-o", "-"], stdin: yaml)
        #expect(result.status == 0)
        #expect(result.stdout.starts(with: Array("%PDF-".utf8)))
    }

    @Test func listJSONNamesAtLeastFourRoutines() throws {
        let result = try run(["list", "--json"])
        #expect(result.status == 0)
        let entries = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [[String: Any]])
        #expect(entries.count >= 4)
        #expect(entries.contains { $0["id"] as? String == "leg-cramps" })
        #expect(entries.allSatisfy { ($0["sections"] as? [String])?.isEmpty == false })
    }

    @Test func showJSONIsARoutineFileThatRendersTheSameCard() throws {
        let shown = try run(["show", "leg-cramps", "--json"])
        #expect(shown.status == 0)
        try shown.stdout.write(to: folder.appendingPathComponent("lc.json"))
        #expect(try run(["validate", "lc.json"]).status == 0)
        #expect(try run(["render", "lc.json", "-o", "from-json.pdf"]).status == 0)
        #expect(try run(["render", "leg-cramps", "-o", "built-in.pdf"]).status == 0)
        let a = try Data(contentsOf: folder.appendingPathComponent("from-json.pdf"))
        let b = try Data(contentsOf: folder.appendingPathComponent("built-in.pdf"))
        #expect(a == b)
        let text = try run(["show", "leg-cramps"])
        #expect(text.output.contains("Calf raises") && text.output.contains("2\u{A0}×\u{A0}10\u{A0}reps"))
    }

    static let pythonHasJSONSchema: Bool = {
        (try? ExternalTool.run("python3", ["-c", "import jsonschema, yaml"]).status) == 0
    }()

    @Test(.enabled(if: pythonHasJSONSchema, "needs Python's jsonschema and PyYAML"))
    func theSchemaAcceptsEveryBuiltInRoutine() throws {
        let schema = try run(["schema"])
        #expect(schema.status == 0)
        try schema.stdout.write(to: folder.appendingPathComponent("schema.json"))
        var files: [String] = []
        for id in ["leg-cramps", "night-cramps", "desk-break", "runner-cooldown"] {
            let shown = try run(["show", id, "--json"])
            try shown.stdout.write(to: folder.appendingPathComponent("\(id).json"))
            files.append("\(id).json")
        }
        let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Assets/routines")
        let yamlFiles = try FileManager.default.contentsOfDirectory(atPath: assets.path).filter { $0.hasSuffix(".yaml") }
        files += yamlFiles.map { assets.appendingPathComponent($0).path }
        let script = """
            import json, sys, yaml, jsonschema
            schema = json.load(open('schema.json'))
            jsonschema.Draft202012Validator.check_schema(schema)
            for name in sys.argv[1:]:
                jsonschema.validate(yaml.safe_load(open(name)), schema)
            bad = {"titel": "x", "sections": [{"notes": "n"}]}
            try:
                jsonschema.validate(bad, schema); sys.exit("the schema accepted a misspelt key")
            except jsonschema.ValidationError:
                pass
            print(len(sys.argv) - 1, "valid")
            """
        let result = try ExternalTool.run("python3", ["-c", script] + files, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.output.contains("\(files.count) valid"))
    }

    @Test func aMissingPictureFailsValidationNamingIt() throws {
        try write("title: Mine\nsections:\n  - exercises:\n      - name: Move\n        illustration: ./my-move.png\n", "pic.yaml")
        let result = try run(["validate", "pic.yaml"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("pic.yaml:5:23: error:") && result.stderr.contains("./my-move.png"), "\(result.stderr)")
    }

    @Test func illustrationsAreListedAndShownInAGallery() throws {
        let list = try run(["list", "--illustrations"])
        #expect(list.status == 0)
        let names = list.output.split(separator: "\n").map(String.init)
        #expect(names.contains("calf-raise") && names.contains("heat") && names.count >= 20)
        #expect(try run(["gallery", "-o", "gallery.pdf"]).status == 0)
        // Every name whole, on one line, as a routine file types it.
        let text = try ExternalTool.run("pdftotext", [folder.appendingPathComponent("gallery.pdf").path, "-"]).output
        for name in names { #expect(text.contains(name), "\(name)") }
        #expect(try ExternalTool.field("Pages", in: ExternalTool.run("pdfinfo", [folder.appendingPathComponent("gallery.pdf").path]).output) == "1")
    }

    @Test func spanishRoutinesGetSpanishLabels() throws {
        try write("title: Rutina\nlanguage: es\nsections:\n  - exercises:\n      - name: Gemelos\n        dose: { hold: 30s, side: each }\n", "es.yaml")
        #expect(try run(["render", "es.yaml", "-o", "es.pdf"]).status == 0)
        let text = try ExternalTool.run("pdftotext", [folder.appendingPathComponent("es.pdf").path, "-"]).output
        #expect(text.contains("Mantener 30") && text.contains("cada lado") && text.contains("No sustituye al consejo médico"))
    }
}
