import CHyphen
import Foundation
import Synchronization

/// A libhyphen dictionary (TeX's patterns, as Debian's `hyphen-*` packages ship them), loaded once
/// and only read afterwards.
final class HyphenDictionary: @unchecked Sendable {
    private let pointer: UnsafeMutablePointer<HyphenDict>
    private let isUTF8: Bool

    init?(path: String) {
        guard let pointer = hnj_hyphen_load(path) else { return nil }
        self.pointer = pointer
        isUTF8 = pointer.pointee.utf8 != 0
    }

    deinit { hnj_hyphen_free(pointer) }

    /// Where `word` may break, as counts of Unicode scalars from its start: at least two letters
    /// before a break and three after. Empty for a word the dictionary cannot spell (a Latin-1
    /// dictionary and a letter outside Latin-1) or has no points for.
    func points(in word: String) -> [Int] {
        let lower = word.lowercased()
        let scalars = Array(lower.unicodeScalars)
        // Lower-casing may change a word's length ("İ"); its points would not map back.
        guard scalars.count == word.unicodeScalars.count, scalars.count >= 5 else { return [] }
        var bytes: [UInt8] = []
        var lastByte: [Int] = []  // the index of each scalar's last byte
        for scalar in scalars {
            if isUTF8 {
                bytes += Array(String(scalar).utf8)
            } else {
                guard scalar.value <= 0xFF else { return [] }
                bytes.append(UInt8(scalar.value))
            }
            lastByte.append(bytes.count - 1)
        }
        var hyphens = [CChar](repeating: 0, count: bytes.count + 5)
        var replacements: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        var positions: UnsafeMutablePointer<Int32>?
        var cuts: UnsafeMutablePointer<Int32>?
        let word = bytes.map { CChar(bitPattern: $0) } + [0]
        let status = hnj_hyphen_hyphenate3(
            pointer, word, Int32(bytes.count), &hyphens, nil, &replacements, &positions, &cuts, 2, 3, 2, 2)
        // Non-standard breaks ("Schiffahrt" → "Schiff-fahrt") come with allocated arrays; they are
        // not used, only freed.
        if let replacements {
            for index in 0..<bytes.count { free(replacements[index]) }
            free(replacements)
        }
        free(positions)
        free(cuts)
        guard status == 0 else { return [] }
        return lastByte.indices.dropLast().filter { hyphens[lastByte[$0]] & 1 == 1 }.map { $0 + 1 }
    }
}

/// Soft hyphens for words too wide for their line, from the dictionary of the text's language, so
/// that Pango breaks such a word where the language allows ("Stabilisierungs-übungen") rather than
/// at any letter. Words that fit are left alone, so ordinary text is set exactly as without it.
enum Hyphenation {
    /// Where the dictionaries are (Debian's `hyphen-en-us`, `hyphen-de`, `hyphen-es`, …).
    static let folder = "/usr/share/hyphen"

    private static let dictionaries = Mutex<[String: HyphenDictionary?]>([:])

    /// The dictionary for a language tag (`de-AT` → `hyph_de_AT.dic`, else `hyph_de.dic`, else any
    /// `hyph_de_*.dic`), loaded once per process; nil when none is installed.
    static func dictionary(for language: String) -> HyphenDictionary? {
        let parts = language.split(separator: "-").map(String.init)
        guard let primary = parts.first?.lowercased(), !primary.isEmpty, primary.allSatisfy(\.isLetter) else { return nil }
        let key = parts.count > 1 ? "\(primary)_\(parts[1].uppercased())" : primary
        if let known = dictionaries.withLock({ $0[key] }) { return known }
        var names = ["hyph_\(key).dic", "hyph_\(primary).dic", "hyph_\(primary)_\(primary.uppercased()).dic"]
        let others = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        names += others.filter { $0.hasPrefix("hyph_\(primary)_") && $0.hasSuffix(".dic") }.sorted()
        // One load at most: libhyphen takes about 3 s to read German's 78,000 patterns (English's
        // take 10 ms), so a dictionary is loaded only when a word needs it, once per process.
        var loaded: HyphenDictionary?
        for name in names where loaded == nil { loaded = HyphenDictionary(path: "\(folder)/\(name)") }
        dictionaries.withLock { $0[key] = .some(loaded) }
        return loaded
    }

    /// `text` with U+00AD inserted at the hyphenation points of each word for which `isTooWide`
    /// holds, and the UTF-8 offsets (in the new text) of the inserted hyphens; nil when nothing was
    /// inserted.
    static func softHyphenated(_ text: String, language: String, isTooWide: (String) -> Bool) -> (text: String, hyphens: [Int])? {
        // Only long runs of letters can be too wide: a cheap filter before anything is measured.
        var words: [Range<String.Index>] = []
        var start: String.Index?
        for index in text.indices {
            if text[index].isLetter {
                if start == nil { start = index }
            } else if let begun = start {
                words.append(begun..<index)
                start = nil
            }
        }
        if let begun = start { words.append(begun..<text.endIndex) }
        let long = words.filter { text[$0].unicodeScalars.count >= 8 && isTooWide(String(text[$0])) }
        guard !long.isEmpty, let dictionary = dictionary(for: language) else { return nil }
        var result = ""
        var hyphens: [Int] = []
        var cursor = text.startIndex
        for range in long {
            result += text[cursor..<range.lowerBound]
            let word = String(text[range])
            var previous = 0
            let scalars = Array(word.unicodeScalars)
            for point in dictionary.points(in: word) {
                result.unicodeScalars.append(contentsOf: scalars[previous..<point])
                hyphens.append(result.utf8.count)
                result.unicodeScalars.append("\u{00AD}")
                previous = point
            }
            result.unicodeScalars.append(contentsOf: scalars[previous...])
            cursor = range.upperBound
        }
        result += text[cursor...]
        return hyphens.isEmpty ? nil : (result, hyphens)
    }
}
