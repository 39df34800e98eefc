import Foundation

/// Reads and writes the durations of routine files: `30`, `30s`, `1m30s`, `2 min`, `15-20 min`.
package enum DurationParser {
    /// Why a duration could not be read, in words for the user.
    package struct Problem: Error, Sendable, Equatable {
        package var message: String
    }

    /// The longest duration read: a day. Anything longer is a typing mistake.
    package static let maximumSeconds = 86_400

    /// Reads one duration in seconds. A bare number means seconds.
    package static func parseSeconds(_ text: String) -> Result<Int, Problem> {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !trimmed.isEmpty else { return .failure(Problem(message: "the duration is empty")) }
        if let whole = Int(trimmed) {
            guard whole <= maximumSeconds else {
                return .failure(Problem(message: "'\(text)' is longer than any routine needs (at most \(maximumSeconds / 3600) hours)"))
            }
            return .success(whole)
        }
        var total = 0.0
        var rest = Substring(trimmed)
        var sawPart = false
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " }
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else {
                return .failure(Problem(message: "'\(text)' is not a duration; write it like 30s, 1m30s or 2 min"))
            }
            rest = rest.dropFirst(number.count).drop { $0 == " " }
            let unit = rest.prefix { $0.isLetter }
            rest = rest.dropFirst(unit.count)
            guard let factor = unitSeconds[String(unit)] else {
                return .failure(Problem(message: "'\(unit)' in '\(text)' is not a unit of time; use s, min or h"))
            }
            total += value * factor
            sawPart = true
        }
        guard sawPart else { return .failure(Problem(message: "'\(text)' is not a duration")) }
        // A checked conversion: "99999999999999999999" is a mistake to report, not a number to trap on.
        guard total.isFinite, let seconds = Int(exactly: total.rounded()), seconds <= maximumSeconds else {
            return .failure(Problem(message: "'\(text)' is longer than any routine needs (at most \(maximumSeconds / 3600) hours)"))
        }
        return .success(seconds)
    }

    /// Reads a duration or a range: `20 min`, `15-20 min`, `15–20 minutes`, `30s-1m`.
    package static func parseRange(_ text: String) -> Result<DurationRange, Problem> {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "–" }).map(String.init)
        if parts.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            return .failure(Problem(message: "'\(text)' is not a duration; times cannot be negative, and a range needs two ends like 15-20 min"))
        }
        switch parts.count {
        case 1:
            return parseSeconds(parts[0]).map { DurationRange(seconds: $0) }
        case 2:
            // "15-20 min": the unit written after the second number applies to both.
            var low = parts[0].trimmingCharacters(in: .whitespaces)
            let high = parts[1].trimmingCharacters(in: .whitespaces)
            if Double(low) != nil { low += " " + high.drop { $0.isNumber || $0 == "." || $0 == " " } }
            switch (parseSeconds(low), parseSeconds(high)) {
            case (.success(let a), .success(let b)):
                guard a <= b else {
                    return .failure(Problem(message: "the range '\(text)' runs backwards; write the shorter time first"))
                }
                return .success(DurationRange(minSeconds: a, maxSeconds: b))
            case (.failure(let problem), _), (_, .failure(let problem)):
                return .failure(problem)
            }
        default:
            return .failure(Problem(message: "'\(text)' is not a duration or a range like 15-20 min"))
        }
    }

    /// Writes a range so that ``parseRange(_:)`` reads it back.
    package static func format(_ range: DurationRange) -> String {
        if range.minSeconds == range.maxSeconds { return format(seconds: range.minSeconds) }
        if range.minSeconds % 60 == 0, range.maxSeconds % 60 == 0 {
            return "\(range.minSeconds / 60)-\(range.maxSeconds / 60) min"
        }
        return "\(format(seconds: range.minSeconds))-\(format(seconds: range.maxSeconds))"
    }

    /// Writes seconds as `30s`, `2 min` or `1m30s`.
    package static func format(seconds: Int) -> String {
        if seconds < 60 { return "\(seconds)s" }
        if seconds % 60 == 0 { return "\(seconds / 60) min" }
        return "\(seconds / 60)m\(seconds % 60)s"
    }

    private static let unitSeconds: [String: Double] = [
        "": 1, "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
        "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
        "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
    ]
}
