import Foundation
import Testing
import RoutineCard

/// Every public call fails with ``RoutineCardError`` and a code a caller can switch over; tried
/// through the public API only, as a separate package would.
struct RoutineCardErrorTests {
    /// The code of the error `body` throws; nil when it throws nothing or another type.
    private func code(_ body: () throws -> Void) -> RoutineCardError.Code? {
        do { try body() } catch { return (error as? RoutineCardError)?.code }
        return nil
    }

    @Test func anUnknownBuiltInIsAnInvalidRoutineNamingTheKnownOnes() {
        do {
            _ = try Routine.builtIn("leg-cramp")
            Issue.record("an unknown id was accepted")
        } catch {
            #expect(error.code == .invalidRoutine)
            #expect(error.description.contains("leg-cramps"))
        }
    }

    @Test func aRoutineBuiltInCodeWithANegativeDoseIsAnInvalidRoutineWithDiagnostics() {
        let routine = Routine(
            id: "t", title: "T",
            sections: [RoutineSection(id: "s", content: .exercises([Exercise(name: "A", dose: Dose(sets: -2), steps: ["Go"])]))])
        do {
            _ = try CardRenderer().render([routine])
            Issue.record("an invalid routine rendered")
        } catch {
            #expect(error.code == .invalidRoutine)
            #expect(error.diagnostics.count == 1 && error.diagnostics[0].message.contains("sets is -2"))
        }
        #expect(code { _ = try CardRenderer().check([routine]) } == .invalidRoutine)
    }

    @Test func aFileWithMistakesIsAnInvalidRoutineAtItsLine() throws {
        let yaml = Data("id: t\ntitle: T\nsections:\n  - id: s\n    exercises:\n      - name: A\n        dose: { sets: 0 }\n".utf8)
        do {
            _ = try Routine.load(data: yaml, name: "mine.yaml")
            Issue.record("a bad file loaded")
        } catch {
            #expect(error.code == .invalidRoutine)
            #expect(error.diagnostics.first?.file == "mine.yaml" && error.diagnostics.first?.line == 7)
        }
    }

    @Test func aCardTooLargeForItsSheetCannotBeLaidOut() throws {
        var options = CardOptions(template: .sheet)
        options.sheet = SheetOptions(kind: .a4)
        let routine = try Routine.builtIn("leg-cramps")
        #expect(code { _ = try CardRenderer().render([routine], options: options) } == .cannotLayOut)
    }

    @Test func anImpossibleResolutionIsAnInvalidOption() throws {
        let routine = try Routine.builtIn("leg-cramps")
        let output = OutputOptions(format: .png, dpi: 5000)
        #expect(code { _ = try CardRenderer().render([routine], output: output) } == .invalidOption)
    }

    @Test func aPictureThatDoesNotDecodeFailsToRender() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rc-error-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A PNG header with a sane size and nothing after it: loading by path would refuse it, so
        // build the routine in code, where only drawing finds out.
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        png += Data("IHDR".utf8) + Data([0, 0, 0, 10, 0, 0, 0, 10, 8, 6, 0, 0, 0])
        let picture = folder.appendingPathComponent("broken.png")
        try png.write(to: picture)
        let routine = Routine(
            id: "t", title: "T",
            sections: [
                RoutineSection(id: "s", content: .exercises([Exercise(name: "A", illustration: picture.path, steps: ["Go"])]))
            ])
        #expect(code { _ = try CardRenderer().render([routine]) } == .renderingFailed)
    }

    @Test func writingWhereNoFileCanBeIsAnInputOutputError() throws {
        let card = try CardRenderer().render([try Routine.builtIn("leg-cramps")])
        let folder = FileManager.default.temporaryDirectory
        #expect(code { _ = try card.write(to: folder) } == .inputOutput)
        let missing = folder.appendingPathComponent("no-such-folder-\(UUID().uuidString)/card.pdf")
        #expect(code { _ = try card.write(to: missing) } == .inputOutput)
    }
}
