import CLibYAML
import Foundation
import RoutineCardModel

/// Checks a YAML (or JSON) text against size limits that hold *after* aliases are expanded, by
/// reading libyaml's events before anything builds a tree.
///
/// A small file can describe a huge document: each alias repeats the node it names, so ten lines of
/// aliases to aliases make a billion nodes, and an alias used as a mapping key makes the parser hash
/// the whole expanded structure. Counting nodes, text, nesting and alias use event by event (an
/// anchor's expanded size is remembered when its node ends) finds that in time linear in the file.
package enum YAMLBudget {
    /// Most nodes once aliases are expanded.
    static let nodes = 100_000
    /// Most bytes of text once aliases are expanded.
    static let textBytes = 2_000_000
    /// Deepest nesting, counting what aliases bring in.
    static let depth = 64

    struct Exceeded: Error {
        var line: Int
        var column: Int
        var message: String
    }

    private struct Size {
        var nodes = 1
        var bytes = 0
        /// Levels of nesting below and including this node.
        var depth = 1
    }

    private struct Frame {
        var isMapping: Bool
        var anchor: String?
        var size = Size(nodes: 1, bytes: 0, depth: 1)
        var children = 0
    }

    /// Throws ``RoutineLoadError`` naming `file` and where a limit was passed.
    package static func check(_ text: String, file: String) throws(RoutineLoadError) {
        do {
            try scan(text)
        } catch let error as Exceeded {
            throw RoutineLoadError([Diagnostic(file: file, line: error.line, column: error.column, message: error.message)])
        } catch {
            // Syntax errors are left for the real parser, which reports them with their context.
        }
    }

    private struct SyntaxError: Error {}

    private static func scan(_ text: String) throws {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) != 0 else { throw SyntaxError() }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        var anchors: [String: Size] = [:]
        var stack: [Frame] = []
        try bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) != 0 else { throw SyntaxError() }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
                func fail(_ message: String) -> Exceeded { Exceeded(line: line, column: column, message: message) }
                func add(_ size: Size, isAlias: Bool) throws {
                    guard var parent = stack.popLast() else { return }
                    if parent.isMapping, parent.children % 2 == 0, isAlias {
                        throw fail("an alias is used as a mapping key; write the key out")
                    }
                    parent.children += 1
                    parent.size.nodes += size.nodes
                    parent.size.bytes += size.bytes
                    parent.size.depth = max(parent.size.depth, size.depth + 1)
                    stack.append(parent)
                    let total = stack.reduce(0) { $0 + $1.size.nodes }
                    if total > nodes { throw fail("the document holds more than \(nodes) values once its aliases are expanded") }
                    if parent.size.bytes > textBytes {
                        throw fail("the document holds more than \(textBytes / 1_000_000) MB of text once its aliases are expanded")
                    }
                    if stack.count + size.depth > depth {
                        throw fail("the document nests more than \(depth) levels deep once its aliases are expanded")
                    }
                }
                func anchorName(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
                    pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
                }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return
                case YAML_SCALAR_EVENT:
                    let size = Size(nodes: 1, bytes: Int(event.data.scalar.length), depth: 1)
                    if let anchor = anchorName(event.data.scalar.anchor) { anchors[anchor] = size }
                    try add(size, isAlias: false)
                case YAML_ALIAS_EVENT:
                    guard let name = anchorName(event.data.alias.anchor), let size = anchors[name] else { throw SyntaxError() }
                    try add(size, isAlias: true)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    let anchor = anchorName(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                    stack.append(Frame(isMapping: isMapping, anchor: anchor))
                    if stack.count > depth { throw fail("the document nests more than \(depth) levels deep") }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let frame = stack.popLast() else { throw SyntaxError() }
                    if let anchor = frame.anchor { anchors[anchor] = frame.size }
                    try add(frame.size, isAlias: false)
                default:
                    break
                }
            }
        }
    }
}
