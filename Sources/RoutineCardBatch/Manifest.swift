import CSV
import Foundation
import RoutineCard
import Yams

/// One row of a batch manifest: what to render and how, as the user wrote it.
package struct ManifestRow: Sendable, Hashable, Codable {
    /// 1-based position among the data rows (the header of a CSV file is not a row).
    package var number: Int
    /// The line of the manifest where the row starts, for messages.
    package var line: Int
    /// Built-in ids, paths (relative to the manifest's folder) or `id#section`.
    package var routines: [String]
    /// The output file, relative to the output folder; nil names it after the first routine.
    package var output: String?
    package var settings: CardSettings
}

/// The formats manifests come in.
package enum ManifestFormat: String, Sendable, CaseIterable {
    case csv, jsonl, yaml

    /// The format a file name implies (`.csv`, `.jsonl`/`.ndjson`, `.yaml`/`.yml`).
    package init?(fileName: String) {
        switch URL(fileURLWithPath: fileName).pathExtension.lowercased() {
        case "csv": self = .csv
        case "jsonl", "ndjson": self = .jsonl
        case "yaml", "yml": self = .yaml
        default: return nil
        }
    }
}

/// A problem with the manifest itself (as opposed to one row).
package struct ManifestError: Error, Sendable, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}

/// Reads a manifest one row at a time. CSV and JSON Lines are streamed, so a manifest of any length
/// starts at once and uses the same memory; a YAML manifest is read whole (keep those small).
package final class ManifestReader: Sequence, IteratorProtocol {
    /// The column names a manifest may use.
    package static let columns = [
        "routines", "output", "format", "template", "paper", "sheet", "theme", "for", "by",
        "date", "note", "language", "landscape", "tracker", "margin", "bleed", "font", "dpi", "logo", "contact", "qr", "diary", "review",
    ]

    private enum Source {
        case csv(CSVReader, header: [String])
        case lines(LineReader)
        case list([[String: Any]], lines: [Int])
    }

    private var source: Source
    private var count = 0
    /// A problem met while reading; reading stops at it.
    package private(set) var error: ManifestError?

    /// Reads the manifest file at `url` (CSV and JSON Lines are streamed from it).
    package convenience init(url: URL, format: ManifestFormat) throws(ManifestError) {
        guard FileManager.default.isReadableFile(atPath: url.path), let stream = InputStream(url: url) else {
            throw ManifestError("cannot read the manifest \(url.path)")
        }
        try self.init(
            stream: stream,
            text: { () throws(ManifestError) -> Data in
                guard let data = FileManager.default.contents(atPath: url.path) else { throw ManifestError("cannot read the manifest \(url.path)") }
                return data
            }, format: format)
    }

    /// Reads a manifest held in memory (one read from a pipe); `name` is for messages.
    package convenience init(data: Data, name: String, format: ManifestFormat) throws(ManifestError) {
        try self.init(stream: InputStream(data: data), text: { () throws(ManifestError) -> Data in data }, format: format)
    }

    private init(stream: InputStream, text: () throws(ManifestError) -> Data, format: ManifestFormat) throws(ManifestError) {
        switch format {
        case .csv:
            do {
                let reader = try CSVReader(stream: stream, hasHeaderRow: true, trimFields: true)
                guard let header = reader.headerRow?.map({ $0.lowercased() }) else { throw ManifestError("the CSV manifest has no header row") }
                try Self.checkColumns(header)
                source = .csv(reader, header: header)
            } catch let error as ManifestError {
                throw error
            } catch {
                throw ManifestError("cannot read the CSV manifest: \(error)")
            }
        case .jsonl:
            source = .lines(LineReader(stream: stream))
        case .yaml:
            let data = try text()
            guard let string = String(data: data, encoding: .utf8) else { throw ManifestError("the YAML manifest is not UTF-8 text") }
            let rows = try Self.yamlRows(string)
            source = .list(rows.map(\.fields), lines: rows.map(\.line))
        }
    }

    private static func yamlRows(_ text: String) throws(ManifestError) -> [(fields: [String: Any], line: Int)] {
        do {
            try YAMLBudget.check(text, file: "the YAML manifest")
            guard let node = try Yams.compose(yaml: text, .basic) else { throw ManifestError("the YAML manifest is empty") }
            guard case .sequence(let sequence) = node else { throw ManifestError("a YAML manifest must be a list of rows (lines starting with '- ')") }
            var rows: [(fields: [String: Any], line: Int)] = []
            for item in sequence {
                guard case .mapping(let mapping) = item else {
                    throw ManifestError("line \(item.mark?.line ?? 0): each row must be a mapping of columns")
                }
                var row: [String: Any] = [:]
                for (key, value) in mapping {
                    switch value {
                    case .scalar(let scalar): row[key.string ?? ""] = scalar.string
                    case .sequence(let list): row[key.string ?? ""] = list.compactMap(\.string)
                    default: throw ManifestError("line \(value.mark?.line ?? 0): '\(key.string ?? "")' should be text or a list")
                    }
                }
                rows.append((row, item.mark?.line ?? 0))
            }
            return rows
        } catch let error as ManifestError {
            throw error
        } catch let error as RoutineLoadError {
            throw ManifestError(error.description)
        } catch {
            throw ManifestError("cannot read the YAML manifest: \(error)")
        }
    }

    package func next() -> Result<ManifestRow, ManifestError>? {
        guard error == nil else { return nil }
        do {
            guard let (fields, line) = try nextFields() else { return nil }
            count += 1
            return .success(try Self.row(fields, number: count, line: line))
        } catch let problem as RowProblem {
            count += 1
            return .failure(ManifestError("row \(count) (line \(problem.line)): \(problem.message)"))
        } catch let error as ManifestError {
            self.error = error
            return .failure(error)
        } catch {
            let wrapped = ManifestError("cannot read row \(count + 1): \(error)")
            self.error = wrapped
            return .failure(wrapped)
        }
    }

    struct RowProblem: Error {
        var line: Int
        var message: String
    }

    private func nextFields() throws -> ([String: Any], Int)? {
        switch source {
        case .csv(let reader, let header):
            guard let values = reader.next() else {
                // CSV.swift reports the end of the stream as `cannotReadFile`; anything else is real.
                if let error = reader.error, !(error is CSVError && "\(error)" == "cannotReadFile") {
                    throw ManifestError("the CSV manifest cannot be read after row \(count): \(error)")
                }
                return nil
            }
            // The header is line 1; rows here do not span lines in well-formed manifests.
            let line = count + 2
            if values.count == 1, values[0].isEmpty { return try nextFields() }
            guard values.count == header.count else {
                throw RowProblem(line: line, message: "has \(values.count) fields but the header has \(header.count)")
            }
            return (Dictionary(zip(header, values), uniquingKeysWith: { a, _ in a }), line)
        case .lines(let reader):
            while let (text, line) = try reader.nextLine() {
                if text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                    throw RowProblem(line: line, message: "is not a JSON object")
                }
                return (object, line)
            }
            return nil
        case .list(let rows, let lines):
            guard count < rows.count else { return nil }
            return (rows[count], lines[count])
        }
    }

    private static func checkColumns(_ names: [String]) throws(ManifestError) {
        for name in names where !columns.contains(name) {
            let nearest = Suggestions.nearest(to: name, in: columns).first
            throw ManifestError(
                "unknown column '\(name)'" + (nearest.map { "; did you mean '\($0)'?" } ?? "; the columns are \(columns.joined(separator: ", "))"))
        }
        guard names.contains("routines") else { throw ManifestError("the manifest needs a 'routines' column") }
    }

    private static func row(_ fields: [String: Any], number: Int, line: Int) throws -> ManifestRow {
        for key in fields.keys where !columns.contains(key.lowercased()) {
            let nearest = Suggestions.nearest(to: key, in: columns).first
            throw RowProblem(line: line, message: "unknown column '\(key)'" + (nearest.map { "; did you mean '\($0)'?" } ?? ""))
        }
        func text(_ key: String) -> String? {
            let value: String? =
                switch fields[key] {
                case let string as String: string
                case let number as NSNumber: number.stringValue
                default: nil
                }
            guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }
        func flag(_ key: String) throws -> Bool {
            if let bool = fields[key] as? Bool { return bool }
            guard let value = text(key)?.lowercased() else { return false }
            switch value {
            case "true", "yes", "1", "on": return true
            case "false", "no", "0", "off": return false
            default: throw RowProblem(line: line, message: "'\(key)' should be true or false, not '\(value)'")
            }
        }
        var routines: [String]
        if let list = fields["routines"] as? [Any] {
            routines = list.compactMap { $0 as? String }
        } else {
            routines = (text("routines") ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        }
        routines = routines.filter { !$0.isEmpty }
        guard !routines.isEmpty else { throw RowProblem(line: line, message: "names no routines; fill in the 'routines' column") }
        var settings = CardSettings()
        settings.template = text("template")
        settings.paper = text("paper")
        settings.theme = text("theme")
        settings.forName = text("for")
        settings.byName = text("by")
        settings.date = text("date")
        settings.note = text("note")
        settings.language = text("language")
        settings.format = text("format")
        settings.margin = text("margin")
        settings.bleed = text("bleed")
        settings.font = text("font")
        settings.landscape = try flag("landscape")
        settings.tracker = try flag("tracker")
        settings.qr = try flag("qr")
        settings.diary = try flag("diary")
        settings.review = text("review")
        settings.logo = text("logo")
        if let list = fields["contact"] as? [Any] {
            settings.contact = list.compactMap { $0 as? String }
        } else {
            settings.contact = text("contact").map(CardSettings.contactLines)
        }
        if let dpi = text("dpi") {
            guard let value = Double(dpi) else { throw RowProblem(line: line, message: "'dpi' should be a number, not '\(dpi)'") }
            settings.dpi = value
        }
        settings.sheet = text("sheet")
        return ManifestRow(number: number, line: line, routines: routines, output: text("output"), settings: settings)
    }
}

/// Reads a stream line by line without loading it whole.
final class LineReader {
    private let stream: InputStream
    private var buffer = Data()
    private var atEnd = false
    private var line = 0
    /// Longest line kept whole; a longer one is an error, not a memory hog.
    static let maximumLineBytes = 1 << 20

    init(stream: InputStream) {
        self.stream = stream
        stream.open()
    }

    deinit { stream.close() }

    func nextLine() throws -> (String, Int)? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let lineData = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                line += 1
                return (String(decoding: lineData, as: UTF8.self), line)
            }
            guard buffer.count <= Self.maximumLineBytes else {
                throw ManifestError("line \(line + 1) of the manifest is longer than \(Self.maximumLineBytes >> 20) MB")
            }
            if atEnd {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                line += 1
                return (String(decoding: buffer, as: UTF8.self), line)
            }
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            let count = stream.read(&chunk, maxLength: chunk.count)
            if count < 0 { throw ManifestError("cannot read the manifest: \(stream.streamError.map { "\($0)" } ?? "read error")") }
            if count == 0 { atEnd = true } else { buffer.append(contentsOf: chunk[0..<count]) }
        }
    }
}
