import Foundation

/// The ranges a routine's values must fall in, shared by the file loader (which reports them at the
/// value's line) and ``Routine/validate()`` (for routines built in code).
package enum RoutineRanges {
    package static let sets = 1...20
    package static let reps = 1...200
    /// Seconds to hold a position.
    package static let hold = 1...600
    /// Seconds an exercise done for a time lasts.
    package static let duration = 1...7200
    /// Seconds one therapy application lasts, at each end of its range.
    package static let therapy = 1...3600
    /// Sessions per day.
    package static let perDay = 1...12
    /// The longest application of each kind of therapy, in minutes: heat longer than 30 and cold
    /// longer than 20 risk burns to the skin; alternating warm and cold is done within 30 in all;
    /// `other` (an ice bath, a hot soak) may not be a way around those limits.
    package static let therapyMinutes: [Therapy.Kind: Int] = [.heat: 30, .cold: 20, .contrast: 30, .other: 30]
    /// Kinds of therapy whose unknown risks need a caution on the card.
    package static let therapyNeedingCaution: Set<Therapy.Kind> = [.other]
    /// The longest warm and cold spell of contrast therapy, in minutes (about 3 and 1 is usual).
    package static let contrastWarmMinutes = 10
    package static let contrastColdMinutes = 5

    /// Whether `id` is a routine or section id: lower-case letters, digits, `-` and `_`, at most 64.
    package static func isIdentifier(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64
            && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    /// Whether `tag` has the shape of a BCP 47 tag: a 2–3 letter language, then subtags of 1–8
    /// letters or digits (`en`, `es`, `de-AT`, `en-GB`).
    package static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        return (2...3).contains(parts[0].count) && parts[0].allSatisfy(\.isLetter)
            && parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isLetter || $0.isNumber } }
    }

    /// The first control character in `text` (tabs and line breaks allowed), if any.
    package static func controlCharacter(in text: String) -> Unicode.Scalar? {
        // The control characters (category Cc) are exactly U+0000–U+001F and U+007F–U+009F; a range
        // test is far cheaper than looking up each scalar's category, and runs on every render.
        text.unicodeScalars.first { ($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) && $0 != "\n" && $0 != "\t" }
    }
}

extension Routine {
    /// Every problem with this routine, whichever way it was made: the limits a routine file is held
    /// to (counts, ranges, lengths, ids, safe therapy times). An empty list means it can be rendered.
    /// ``CardRenderer`` refuses a routine with problems.
    public func validate() -> [Diagnostic] {
        var problems = RoutineProblems(routine: self)
        problems.check()
        return problems.found
    }
}

/// Collects the problems of one routine, each named by where it is ("section 'heat', therapy 1").
private struct RoutineProblems {
    let routine: Routine
    var found: [Diagnostic] = []

    private mutating func report(_ place: String, _ message: String) {
        found.append(Diagnostic(file: "routine '\(routine.id)'", line: 0, column: 0, message: place.isEmpty ? message : "\(place): \(message)"))
    }

    private mutating func text(_ value: String?, _ place: String, _ what: String, required: Bool = false) {
        guard let value else { return }
        if value.allSatisfy(\.isWhitespace) {
            if required { report(place, "\(what) is empty") }
            return
        }
        if value.count > RoutineLimits.textCharacters {
            report(place, "\(what) is \(value.count) characters long; the most a card can hold is \(RoutineLimits.textCharacters)")
        }
        if let control = RoutineRanges.controlCharacter(in: value) {
            report(place, "\(what) contains the control character U+\(String(control.value, radix: 16, uppercase: true)), which cannot be printed")
        }
    }

    private mutating func range(_ value: Int?, _ allowed: ClosedRange<Int>, _ place: String, _ what: String) {
        guard let value, !allowed.contains(value) else { return }
        report(place, "\(what) is \(value); it should be between \(allowed.lowerBound) and \(allowed.upperBound)")
    }

    mutating func check() {
        if !RoutineRanges.isIdentifier(routine.id) {
            report("", "the id '\(routine.id.prefix(40))' should use only lower-case letters, digits and hyphens, like 'leg-cramps'")
        }
        text(routine.title, "", "the title", required: true)
        text(routine.subtitle, "", "the subtitle")
        text(routine.disclaimer, "", "the disclaimer")
        link(routine.link, "")
        link(routine.video, "")
        if let diary = routine.diary {
            if diary.isEmpty {
                report("", "the diary has no columns; list some of \(DiaryColumn.allCases.map(\.rawValue).joined(separator: ", ")), or leave it out")
            }
            if Set(diary).count != diary.count { report("", "the diary names a column twice") }
        }
        if !RoutineRanges.isLanguageTag(routine.language) { report("", "the language '\(routine.language)' is not a language tag like en, es or de") }
        if let frequency = routine.frequency {
            text(frequency.text, "", "the frequency", required: true)
            range(frequency.perDay, RoutineRanges.perDay, "", "per_day")
        }
        if routine.sections.isEmpty { report("", "the routine has no sections") }
        if routine.sections.count > RoutineLimits.sections {
            report("", "the routine has \(routine.sections.count) sections; at most \(RoutineLimits.sections)")
        }
        var ids: Set<String> = []
        var items = 0
        for section in routine.sections {
            let place = "section '\(section.id)'"
            if !RoutineRanges.isIdentifier(section.id) { report(place, "the id should use only lower-case letters, digits and hyphens") }
            if !ids.insert(section.id).inserted { report(place, "two sections have this id; give each its own") }
            text(section.title, place, "the title")
            switch section.content {
            case .exercises(let exercises):
                for (index, exercise) in exercises.enumerated() { check(exercise, "\(place), exercise \(index + 1)") }
            case .therapy(let therapies):
                for (index, therapy) in therapies.enumerated() { check(therapy, "\(place), therapy \(index + 1)") }
            case .tips(let tips):
                for (index, tip) in tips.enumerated() {
                    text(tip.text, "\(place), tip \(index + 1)", "the text", required: true)
                    link(tip.link, "\(place), tip \(index + 1)")
                }
            case .notes(let notes):
                for (index, note) in notes.enumerated() { text(note, "\(place), note \(index + 1)", "the text", required: true) }
            case .help(let advice):
                for (index, line) in advice.urgent.enumerated() { text(line, "\(place), urgent \(index + 1)", "the text", required: true) }
                for (index, line) in advice.doctor.enumerated() { text(line, "\(place), doctor \(index + 1)", "the text", required: true) }
            }
            let count = section.content.count
            if count == 0 { report(place, "the section is empty; add an item or remove it") }
            if count > RoutineLimits.itemsPerSection { report(place, "the section has \(count) items; at most \(RoutineLimits.itemsPerSection)") }
            items += count
        }
        if items > RoutineLimits.items { report("", "the routine has \(items) items; at most \(RoutineLimits.items)") }
    }

    private mutating func link(_ value: String?, _ place: String) {
        guard let value, let problem = WebLink.problem(value) else { return }
        report(place, problem)
    }

    private mutating func steps(_ steps: [String], _ place: String) {
        if steps.count > RoutineLimits.steps { report(place, "there are \(steps.count) steps; at most \(RoutineLimits.steps)") }
        for (index, step) in steps.enumerated() { text(step, place, "step \(index + 1)", required: true) }
    }

    private mutating func check(_ exercise: Exercise, _ place: String) {
        text(exercise.name, place, "the name", required: true)
        text(exercise.caution, place, "the caution")
        text(exercise.alt, place, "the alternative text")
        link(exercise.link, place)
        link(exercise.video, place)
        steps(exercise.steps, place)
        range(exercise.dose.sets, RoutineRanges.sets, place, "sets")
        range(exercise.dose.reps, RoutineRanges.reps, place, "reps")
        range(exercise.dose.hold, RoutineRanges.hold, place, "hold (seconds)")
        range(exercise.dose.duration, RoutineRanges.duration, place, "duration (seconds)")
    }

    private mutating func check(_ therapy: Therapy, _ place: String) {
        text(therapy.name, place, "the name")
        text(therapy.caution, place, "the caution")
        if RoutineRanges.therapyNeedingCaution.contains(therapy.kind), therapy.caution == nil {
            report(place, "\(therapy.kind.rawValue) therapy needs a caution: say how to do it safely (for example, how long at most)")
        }
        steps(therapy.steps, place)
        if therapy.kind == .contrast {
            if therapy.warm == nil || therapy.cold == nil {
                report(place, "contrast therapy needs its warm and cold times (warm: 3 min, cold: 1 min)")
            }
            if let warm = therapy.warm, warm.maxSeconds > RoutineRanges.contrastWarmMinutes * 60 {
                report(place, "a warm spell should last at most \(RoutineRanges.contrastWarmMinutes) minutes")
            }
            if let cold = therapy.cold, cold.maxSeconds > RoutineRanges.contrastColdMinutes * 60 {
                report(place, "a cold spell should last at most \(RoutineRanges.contrastColdMinutes) minutes")
            }
        } else if therapy.warm != nil || therapy.cold != nil {
            report(place, "warm and cold times belong to contrast therapy; give \(therapy.kind.rawValue) therapy a duration")
        }
        guard let duration = therapy.duration else { return }
        if duration.minSeconds > duration.maxSeconds {
            report(place, "the duration runs backwards (\(duration.minSeconds)–\(duration.maxSeconds) s); write the shorter time first")
        }
        range(duration.minSeconds, RoutineRanges.therapy, place, "the shortest duration (seconds)")
        range(duration.maxSeconds, RoutineRanges.therapy, place, "the longest duration (seconds)")
        if let limit = RoutineRanges.therapyMinutes[therapy.kind], duration.maxSeconds > limit * 60 {
            report(place, "\(therapy.kind.rawValue) therapy should last at most \(limit) minutes at a time to protect the skin")
        }
    }
}
