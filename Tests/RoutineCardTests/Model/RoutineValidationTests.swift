import Foundation
import RoutineCard
import Testing

/// The same limits hold however a routine was made: from a file, in code, or decoded.
struct RoutineValidationTests {
    private func routine(_ content: RoutineSection.Content, id: String = "t") -> Routine {
        Routine(id: id, title: "T", sections: [RoutineSection(id: "s", content: content)])
    }

    @Test func theBuiltInsAreValid() throws {
        for id in Routine.builtInIDs {
            #expect(try Routine.builtIn(id).validate().isEmpty, "\(id)")
        }
    }

    @Test func aRoutineBuiltInCodeWithImpossibleDosesIsRefused() throws {
        let bad = routine(.exercises([Exercise(name: "A", dose: Dose(sets: -2, reps: 0, hold: -30), steps: ["Step"])]))
        let problems = bad.validate().map(\.message)
        #expect(problems.count == 3, "\(problems)")
        #expect(
            problems.contains { $0.contains("sets is -2") } && problems.contains { $0.contains("reps is 0") }
                && problems.contains { $0.contains("hold (seconds) is -30") })
        // Rendering refuses it with the library's one error, carrying the same problems.
        let error = #expect(throws: RoutineCardError.self) { _ = try CardRenderer().render([bad]) }
        #expect(error?.code == .invalidRoutine)
        #expect(error?.diagnostics.map(\.message) == problems)
        #expect(throws: RoutineLoadError.self) { _ = try CardRenderer().layout([bad]) }
    }

    @Test(arguments: [
        (Routine(id: "Bad Id", title: "T", sections: [RoutineSection(id: "s", content: .notes(["n"]))]), "id"),
        (Routine(id: "t", title: " ", sections: [RoutineSection(id: "s", content: .notes(["n"]))]), "title is empty"),
        (Routine(id: "t", title: "T\u{0}", sections: [RoutineSection(id: "s", content: .notes(["n"]))]), "U+0"),
        (Routine(id: "t", title: "T", language: "english!", sections: [RoutineSection(id: "s", content: .notes(["n"]))]), "language"),
        (Routine(id: "t", title: "T", sections: []), "no sections"),
        (
            Routine(id: "t", title: "T", sections: [RoutineSection(id: "s", content: .notes(["a"])), RoutineSection(id: "s", content: .notes(["b"]))]),
            "two sections"
        ),
        (Routine(id: "t", title: "T", sections: [RoutineSection(id: "s", content: .tips([]))]), "empty"),
        (
            Routine(
                id: "t", title: "T",
                sections: [
                    RoutineSection(id: "s", content: .therapy([Therapy(kind: .cold, duration: DurationRange(minSeconds: 600, maxSeconds: 3000), steps: [])]))
                ]),
            "at most 20 minutes"
        ),
        (
            Routine(
                id: "t", title: "T",
                sections: [
                    RoutineSection(id: "s", content: .therapy([Therapy(kind: .contrast, duration: DurationRange(seconds: 3600), steps: [])]))
                ]),
            "contrast therapy should last at most 30 minutes"
        ),
        (
            Routine(
                id: "t", title: "T",
                sections: [RoutineSection(id: "s", content: .therapy([Therapy(kind: .contrast, duration: DurationRange(seconds: 900), steps: [])]))]),
            "needs its warm and cold times"
        ),
        (
            Routine(
                id: "t", title: "T",
                sections: [
                    RoutineSection(
                        id: "s",
                        content: .therapy([
                            Therapy(kind: .contrast, steps: [], warm: DurationRange(seconds: 900), cold: DurationRange(seconds: 60))
                        ]))
                ]),
            "warm spell should last at most 10 minutes"
        ),
        (
            Routine(
                id: "t", title: "T",
                sections: [
                    RoutineSection(
                        id: "s", content: .therapy([Therapy(kind: .cold, steps: [], caution: "Wrapped.", cold: DurationRange(seconds: 60))]))
                ]),
            "belong to contrast therapy"
        ),
        (
            Routine(
                id: "t", title: "T",
                sections: [
                    RoutineSection(
                        id: "s", content: .therapy([Therapy(kind: .other, name: "Ice bath", duration: DurationRange(seconds: 600), steps: [])]))
                ]),
            "needs a caution"
        ),
        (
            Routine(
                id: "t", title: "T",
                sections: [
                    RoutineSection(id: "s", content: .therapy([Therapy(kind: .heat, duration: DurationRange(minSeconds: 900, maxSeconds: 60), steps: [])]))
                ]),
            "backwards"
        ),
        (
            Routine(id: "t", title: "T", frequency: Frequency(text: "daily", perDay: 40), sections: [RoutineSection(id: "s", content: .notes(["n"]))]),
            "per_day is 40"
        ),
    ])
    func eachRuleHasItsMessage(routine: Routine, phrase: String) {
        let problems = routine.validate().map(\.message)
        #expect(problems.contains { $0.contains(phrase) }, "\(problems)")
    }

    @Test func decodingHoldsToTheSameRules() throws {
        let json = #"{"id": "t", "title": "T", "sections": [{"id": "s", "exercises": [{"name": "A", "dose": {"sets": -2}, "steps": ["x"]}]}]}"#
        #expect(throws: DecodingError.self) { _ = try JSONDecoder().decode(Routine.self, from: Data(json.utf8)) }
        let good = try RoutineFiles.json(try Routine.builtIn("leg-cramps"))
        #expect(try JSONDecoder().decode(Routine.self, from: good) == (try Routine.builtIn("leg-cramps")))
    }
}
