import Foundation
import RoutineCard

/// The benchmark's reference content (the same as Benchmarks/Reference/reference.c): A6, 8 mm
/// margins, DejaVu Sans, three stretches with wrapped paragraphs, two therapy lines, a footer.
enum ReferenceCard {
    static func routine(number: Int) -> Routine {
        Routine(
            id: "reference-\(number)", title: "Leg Cramp Relief \(number)",
            frequency: Frequency(text: "Stretch 3x daily · hold each 30 s"),
            sections: [
                RoutineSection(
                    id: "stretches",
                    content: .exercises([
                        Exercise(
                            name: "Calf Raises",
                            steps: [
                                "Stand with feet flat and hip-width apart. Rise onto your toes, hold for a count of three, then lower your heels slowly. Repeat 10 times."
                            ]),
                        Exercise(
                            name: "Seated Toe Touch",
                            steps: [
                                "Sit with legs straight ahead. Reach toward your toes with both hands until you feel a gentle stretch in the calves. Hold 30 seconds; do not bounce."
                            ]),
                        Exercise(
                            name: "Hamstring Stretch",
                            steps: [
                                "Sit tall, extend one leg, and hinge forward at the hips until the back of the thigh feels a stretch. Hold 30 seconds, then switch legs."
                            ]),
                    ])),
                RoutineSection(
                    id: "therapy", title: "Therapy",
                    content: .tips([
                        Tip(text: "Heat: warm shower or heating pad for 15–20 minutes to relax the muscle."),
                        Tip(text: "Cold: ice pack wrapped in a towel, 10–15 minutes at most, to avoid skin burns."),
                    ])),
            ],
            disclaimer: "Drink water through the day; eat fibre-rich fruit and vegetables."
        )
    }

    static var options: CardOptions {
        CardOptions(template: .fridge, paper: .a6, margin: Units.mm(8), fontFamily: "DejaVu Sans")
    }
}
