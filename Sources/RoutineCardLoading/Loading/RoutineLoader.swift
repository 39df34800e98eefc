import Foundation
import RoutineCardModel
import Yams

/// The formats routine files come in.
public enum RoutineFileFormat: String, Sendable, CaseIterable {
    /// YAML, the format `routinecard new` writes.
    case yaml
    /// JSON, the same fields as YAML.
    case json

    /// The format a file name's extension implies (YAML unless it ends in `.json`).
    public init(fileName: String) {
        self = fileName.lowercased().hasSuffix(".json") ? .json : .yaml
    }
}

/// Reads routine files (YAML or JSON) into ``Routine`` values, with every problem reported at its
/// `file:line:column`.
package enum RoutineLoader {
    /// Reads the routine file at `url`.
    /// - Throws: ``RoutineLoadError`` listing every problem found.
    /// - Parameter pictureFolders: folders besides the file's own whose pictures it may use.
    /// - Parameter pictureCheck: tries to decode each picture file the routine names.
    package static func load(
        contentsOf url: URL, displayName: String? = nil, pictureFolders: [URL] = [], pictureCheck: PictureDecodeCheck
    ) throws(RoutineLoadError) -> Routine {
        let name = displayName ?? url.path
        let data: Data
        do {
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            guard size <= RoutineLimits.fileBytes else {
                throw RoutineLoadError([tooLarge(name, bytes: size)])
            }
            data = try Data(contentsOf: url)
        } catch let error as RoutineLoadError {
            throw error
        } catch {
            throw RoutineLoadError([Diagnostic(file: name, line: 0, column: 0, message: "cannot read the file: \(error.localizedDescription)")])
        }
        return try load(
            data: data, file: name, format: RoutineFileFormat(fileName: url.path),
            baseDirectory: url.deletingLastPathComponent(), pictureFolders: pictureFolders, pictureCheck: pictureCheck,
            fallbackID: url.deletingPathExtension().lastPathComponent
        )
    }

    /// Reads a routine from `data`.
    /// - Parameters:
    ///   - file: the name used in error messages.
    ///   - baseDirectory: where relative picture paths start, and the folder whose pictures the
    ///     routine may use; nil refuses paths.
    ///   - pictureFolders: further folders whose pictures the routine may use (absolute paths).
    ///   - pictureCheck: tries to decode each picture file the routine names.
    package static func load(
        data: Data, file: String, format: RoutineFileFormat = .yaml,
        baseDirectory: URL? = nil, pictureFolders: [URL] = [], pictureCheck: PictureDecodeCheck, fallbackID: String = "routine"
    ) throws(RoutineLoadError) -> Routine {
        guard data.count <= RoutineLimits.fileBytes else { throw RoutineLoadError([tooLarge(file, bytes: data.count)]) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RoutineLoadError([Diagnostic(file: file, line: 0, column: 0, message: "the file is not UTF-8 text; save it as UTF-8")])
        }
        if format == .json, let problem = jsonSyntaxProblem(data, file: file) { throw RoutineLoadError([problem]) }
        try YAMLBudget.check(text, file: file)
        let root: Node
        do {
            // NodeReader reads every value from its text, so tags need not be resolved: Yams'
            // default resolver compiles a dozen regular expressions (ICU) on first use.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                throw RoutineLoadError([Diagnostic(file: file, line: 0, column: 0, message: "the file is empty; start from `routinecard new`")])
            }
            root = node
        } catch let error as RoutineLoadError {
            throw error
        } catch {
            throw RoutineLoadError([syntaxDiagnostic(error, file: file)])
        }
        var reader = RoutineReader(
            file: file, pictureNames: Illustrations.builtInNames,
            baseDirectory: baseDirectory, pictureFolders: pictureFolders, decodeCheck: pictureCheck, fallbackID: sanitizedID(fallbackID)
        )
        let routine = reader.routine(root)
        let diagnostics = reader.reader.diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        guard diagnostics.isEmpty, let routine else {
            throw RoutineLoadError(
                diagnostics.isEmpty
                    ? [Diagnostic(file: file, line: 0, column: 0, message: "the file holds no routine")]
                    : diagnostics)
        }
        // The reader reports each problem at its line; the model's own rules are the last word.
        let problems = routine.validate()
        guard problems.isEmpty else {
            throw RoutineLoadError(problems.map { Diagnostic(file: file, line: 0, column: 0, message: $0.message) })
        }
        return routine
    }

    private static func tooLarge(_ file: String, bytes: Int) -> Diagnostic {
        Diagnostic(
            file: file, line: 0, column: 0,
            message: "the file is \(bytes / 1000) kB; a routine file may be at most \(RoutineLimits.fileBytes / 1000) kB")
    }

    private static func sanitizedID(_ name: String) -> String {
        RoutineFiles.identifier(from: name) ?? "routine"
    }

    /// JSON's own parser first, so JSON files get JSON's rules (no comments, no YAML extras).
    private static func jsonSyntaxProblem(_ data: Data, file: String) -> Diagnostic? {
        do {
            _ = try JSONSerialization.jsonObject(with: data)
            return nil
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            let (line, column) = position(in: detail, data: data)
            return Diagnostic(file: file, line: line, column: column, message: "this is not valid JSON: \(detail)")
        }
    }

    /// Finds "line L, column C" or "character N" in a parser's message.
    private static func position(in detail: String, data: Data) -> (Int, Int) {
        func number(after word: String) -> Int? {
            guard let range = detail.range(of: word) else { return nil }
            return Int(detail[range.upperBound...].prefix { $0.isNumber })
        }
        if let line = number(after: "line "), let column = number(after: "column ") { return (line, column) }
        if let offset = number(after: "character ") {
            let prefix = data.prefix(offset)
            let line = prefix.filter { $0 == 0x0A }.count + 1
            let column = offset - (prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
            return (line, column)
        }
        return (0, 0)
    }

    private static func syntaxDiagnostic(_ error: any Error, file: String) -> Diagnostic {
        guard let yaml = error as? YamlError else {
            return Diagnostic(file: file, line: 0, column: 0, message: "cannot read the file: \(error)")
        }
        switch yaml {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let why = [context?.text, problem].compactMap { $0 }.joined(separator: ": ")
            return Diagnostic(
                file: file, line: mark.line, column: mark.column,
                message: "the file is not valid YAML (\(why)); check the indentation and quotes here")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(
                file: file, line: context.mark.line, column: context.mark.column,
                message: "'\(duplicates.joined(separator: "', '"))' is given twice in the same place; keep one")
        case .reader(let problem, _, _, _):
            return Diagnostic(file: file, line: 0, column: 0, message: "cannot read the file: \(problem)")
        default:
            return Diagnostic(file: file, line: 0, column: 0, message: "the file is not valid YAML: \(yaml)")
        }
    }
}
