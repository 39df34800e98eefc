import Foundation
import RoutineCard
import Testing

/// Routines built in code name pictures by path: a mistake gets a message that says what is wrong.
struct PictureMessageTests {
    private func render(illustration: String) -> String {
        let routine = Routine(
            id: "t", title: "T",
            sections: [
                RoutineSection(id: "s", content: .exercises([Exercise(name: "A", illustration: illustration, steps: ["Step"])]))
            ])
        do {
            _ = try CardRenderer().render([routine])
            return ""
        } catch {
            return "\(error)"
        }
    }

    @Test func aRelativePathSaysItNeedsTheRoutinesFolder() {
        let message = render(illustration: "./my-move.svg")
        #expect(message.contains("relative picture paths need the routine's folder"), "\(message)")
    }

    @Test func aFileThatIsNotAPictureSaysSo() {
        let message = render(illustration: "/etc/passwd")
        #expect(message.contains("is not a PNG file"), "\(message)")
        #expect(!message.contains("out of memory"), "\(message)")
    }

    @Test func anUnknownNameSuggestsTheList() {
        #expect(render(illustration: "calf-rase").contains("no built-in picture is called 'calf-rase'"))
    }
}
