/// A piece of text with the emphasis its writer marked.
package struct EmphasizedText: Sendable, Hashable, Codable {
    /// The text to print, with the markers removed.
    package var plain: String
    /// Bold and italic stretches, in UTF-8 byte offsets into `plain`.
    package var runs: [Run]

    package init(plain: String, runs: [Run]) {
        self.plain = plain
        self.runs = runs
    }

    package struct Run: Sendable, Hashable, Codable {
        package var start: Int
        package var end: Int
        package var bold: Bool
        package var italic: Bool

        package init(start: Int, end: Int, bold: Bool, italic: Bool) {
            self.start = start
            self.end = end
            self.bold = bold
            self.italic = italic
        }
    }
}

/// Reads the light emphasis allowed in routine text: `**bold**` and `_italic_`.
///
/// Everything else is literal: `<b>`, `&amp;` and other markup print exactly as typed. A marker
/// without a partner prints as typed too, as does `_` inside a word (`snake_case`). `\*` and `\_`
/// print the character itself.
package enum EmphasisParser {
    package static func parse(_ source: String) -> EmphasizedText {
        let chars = Array(source)
        var plain = ""
        var runs: [EmphasizedText.Run] = []
        var bold = false, italic = false
        var runStart = 0
        var i = 0

        func byteCount() -> Int { plain.utf8.count }
        func closeRun() {
            let end = byteCount()
            if (bold || italic) && end > runStart {
                runs.append(.init(start: runStart, end: end, bold: bold, italic: italic))
            }
            runStart = end
        }
        func isBoundary(_ index: Int) -> Bool {
            index < 0 || index >= chars.count || chars[index].isWhitespace || chars[index].isPunctuation
        }
        func hasClosing(_ marker: String, from index: Int) -> Bool {
            let m = Array(marker)
            var j = index
            while j + m.count <= chars.count {
                if Array(chars[j..<j + m.count]) == m, j > index, !chars[j - 1].isWhitespace {
                    if marker == "_" { return isBoundary(j + 1) }
                    return true
                }
                j += 1
            }
            return false
        }

        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, chars[i + 1] == "*" || chars[i + 1] == "_" {
                plain.append(chars[i + 1])
                i += 2
                continue
            }
            if c == "*", i + 1 < chars.count, chars[i + 1] == "*" {
                if bold {
                    closeRun(); bold = false; i += 2; continue
                }
                if i + 2 < chars.count, !chars[i + 2].isWhitespace, hasClosing("**", from: i + 2) {
                    closeRun(); bold = true; i += 2; continue
                }
            }
            if c == "_" {
                if italic, i > 0, !chars[i - 1].isWhitespace, isBoundary(i + 1) {
                    closeRun(); italic = false; i += 1; continue
                }
                if !italic, isBoundary(i - 1), i + 1 < chars.count, !chars[i + 1].isWhitespace,
                    hasClosing("_", from: i + 1)
                {
                    closeRun(); italic = true; i += 1; continue
                }
            }
            plain.append(c)
            i += 1
        }
        closeRun()
        return EmphasizedText(plain: plain, runs: runs)
    }
}
