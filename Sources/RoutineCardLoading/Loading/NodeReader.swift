import RoutineCardModel
import Yams

/// Walks a YAML/JSON node tree, reading typed values and collecting every problem with its position.
package struct NodeReader {
    package let file: String
    package private(set) var diagnostics: [Diagnostic] = []

    package init(file: String) { self.file = file }

    package mutating func report(_ node: Node?, _ message: String) {
        let mark = node?.mark
        diagnostics.append(Diagnostic(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, message: message))
    }

    /// The fields of a mapping, by key. Unknown keys (with a suggestion), repeated keys and missing
    /// required keys are reported; the known fields are returned so reading can go on.
    package mutating func fields(_ node: Node, of what: String, allowed: [String], required: [String] = []) -> Fields? {
        guard case .mapping(let mapping) = node else {
            report(node, "\(what) should be a mapping of fields such as \(hint(allowed, required)), not \(describe(node))")
            return nil
        }
        var fields = Fields(node: node)
        var suggested: Set<String> = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                report(key, "a key in \(what) should be a plain word")
                continue
            }
            let name = scalar.string
            guard allowed.contains(name) else {
                var message = "unknown field '\(name)' in \(what)"
                if let nearest = Suggestions.nearest(to: name, in: allowed).first {
                    message += "; did you mean '\(nearest)'?"
                    suggested.insert(nearest)
                } else {
                    message += "; the fields are: \(allowed.joined(separator: ", "))"
                }
                report(key, message)
                continue
            }
            guard fields.values[name] == nil else {
                report(key, "'\(name)' is given twice in \(what); keep one")
                continue
            }
            fields.values[name] = value
            fields.keys[name] = key
        }
        // A misspelt required key was reported with its suggestion already; do not report it twice.
        for name in required where fields.values[name] == nil && !suggested.contains(name) {
            report(node, "\(what) is missing '\(name)'")
        }
        return fields
    }

    /// A text value, trimmed. Null and empty are reported when `required`.
    package mutating func text(_ node: Node?, _ what: String, required: Bool = false) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else {
            report(node, "\(what) should be text, not \(describe(node))")
            return nil
        }
        if isNull(scalar) {
            if required { report(node, "\(what) is empty; write some text") }
            return nil
        }
        let value = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty {
            if required { report(node, "\(what) is empty; write some text") }
            return nil
        }
        // NUL and other control characters print as nothing (a NUL even cuts the text short).
        if let control = RoutineRanges.controlCharacter(in: value) {
            report(node, "\(what) contains the control character U+\(String(format: "%04X", control.value)), which cannot be printed; remove it")
            return nil
        }
        guard value.count <= RoutineLimits.textCharacters else {
            report(node, "\(what) is \(value.count) characters long; the most a card can hold is \(RoutineLimits.textCharacters)")
            return nil
        }
        return value
    }

    /// A whole number within `range`. Accepts `10` and, when `allowTimes`, `10x` or `10×`.
    package mutating func integer(_ node: Node?, _ what: String, range: ClosedRange<Int>, allowTimes: Bool = false) -> Int? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, !isNull(scalar) else {
            report(node, "\(what) should be a whole number, not \(describe(node))")
            return nil
        }
        var string = scalar.string.trimmingCharacters(in: .whitespaces)
        if allowTimes, let last = string.last, last == "x" || last == "×" || last == "X" {
            string = String(string.dropLast()).trimmingCharacters(in: .whitespaces)
        }
        guard let value = Int(string) else {
            report(node, "\(what) should be a whole number like 10\(allowTimes ? " or 10×" : ""), not '\(scalar.string)'")
            return nil
        }
        guard range.contains(value) else {
            report(node, "\(what) is \(value); it should be between \(range.lowerBound) and \(range.upperBound)")
            return nil
        }
        return value
    }

    /// A duration in seconds within `range` (`30`, `30s`, `1m30s`, `2 min`).
    package mutating func seconds(_ node: Node?, _ what: String, range: ClosedRange<Int>) -> Int? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, !isNull(scalar) else {
            report(node, "\(what) should be a time like 30s or 2 min, not \(describe(node))")
            return nil
        }
        switch DurationParser.parseSeconds(scalar.string) {
        case .failure(let problem):
            report(node, "\(what): \(problem.message)")
            return nil
        case .success(let value):
            guard range.contains(value) else {
                report(
                    node,
                    "\(what) is \(DurationParser.format(seconds: value)); it should be between "
                        + "\(DurationParser.format(seconds: range.lowerBound)) and \(DurationParser.format(seconds: range.upperBound))")
                return nil
            }
            return value
        }
    }

    /// A duration or range (`20 min`, `15-20 min`) whose ends lie within `range`.
    package mutating func durationRange(_ node: Node?, _ what: String, range: ClosedRange<Int>) -> DurationRange? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, !isNull(scalar) else {
            report(node, "\(what) should be a time like 15 min or 15-20 min, not \(describe(node))")
            return nil
        }
        switch DurationParser.parseRange(scalar.string) {
        case .failure(let problem):
            report(node, "\(what): \(problem.message)")
            return nil
        case .success(let value):
            guard range.contains(value.minSeconds), range.contains(value.maxSeconds) else {
                report(
                    node,
                    "\(what) is \(DurationParser.format(value)); it should stay between "
                        + "\(DurationParser.format(seconds: range.lowerBound)) and \(DurationParser.format(seconds: range.upperBound))")
                return nil
            }
            return value
        }
    }

    /// A list's items, or one scalar taken as a one-item list when `allowSingle`.
    package mutating func list(_ node: Node?, _ what: String, limit: Int, allowSingle: Bool = false) -> [Node]? {
        guard let node else { return nil }
        switch node {
        case .sequence(let sequence):
            let items = Array(sequence)
            guard items.count <= limit else {
                report(node, "\(what) has \(items.count) items; a routine may have at most \(limit)")
                return nil
            }
            return items
        case .scalar where allowSingle:
            return [node]
        default:
            report(node, "\(what) should be a list (lines starting with '- '), not \(describe(node))")
            return nil
        }
    }

    /// One of `choices`, with a suggestion when misspelt.
    package mutating func choice(_ node: Node?, _ what: String, _ choices: [String]) -> String? {
        guard let value = text(node, what) else { return nil }
        guard choices.contains(value) else {
            let nearest = Suggestions.nearest(to: value, in: choices)
            report(
                node,
                "\(what) is '\(value)', which is not one of \(choices.joined(separator: ", "))"
                    + (nearest.first.map { "; did you mean '\($0)'?" } ?? ""))
            return nil
        }
        return value
    }

    /// A true/false value.
    package mutating func bool(_ node: Node?, _ what: String) -> Bool? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else {
            report(node, "\(what) should be true or false, not \(describe(node))")
            return nil
        }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report(node, "\(what) should be true or false, not '\(scalar.string)'")
            return nil
        }
    }

    private func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private func hint(_ allowed: [String], _ required: [String]) -> String {
        (required.isEmpty ? Array(allowed.prefix(3)) : required).map { "'\($0)'" }.joined(separator: ", ")
    }

    package func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): "the value '\(scalar.string.prefix(40))'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}

/// The known fields of one mapping node.
package struct Fields {
    package let node: Node
    package var values: [String: Node] = [:]
    package var keys: [String: Node] = [:]

    package subscript(_ name: String) -> Node? { values[name] }
}
