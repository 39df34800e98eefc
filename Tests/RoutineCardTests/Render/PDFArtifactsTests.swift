import Testing
import TestSupport
@testable import RoutineCard

/// The content-stream reader that wraps unmarked drawing in artifacts, on streams written to trip it.
struct PDFArtifactsTests {
    func marked(_ text: String) -> String? { PDFArtifacts.marked(Array(text.utf8)).map { String(decoding: $0, as: UTF8.self) } }

    @Test func paintedPathsOutsideMarkedContentAreWrappedAndClipsAreNot() {
        let content = "q 0 0 9 9 re W n 1 1 1 rg 0 0 9 9 re f /P <</MCID 0>> BDC BT (a) Tj ET EMC 1 0 0 RG 0 0 m 5 5 l S Q"
        #expect(
            marked(content)
                == "q 0 0 9 9 re W n 1 1 1 rg /Artifact BMC\n0 0 9 9 re f\nEMC /P <</MCID 0>> BDC BT (a) Tj ET EMC 1 0 0 RG /Artifact BMC\n0 0 m 5 5 l S\nEMC Q"
        )
    }

    @Test func stringsThatLookLikeOperatorsAreOperands() {
        // Parentheses, escapes and operator names inside strings, and a hex string with '>' after it.
        let content = "BT [(re f \\) BDC \\\\)-20((nested) EMC)] TJ <2829> Tj ET"
        #expect(marked(content) == "/Artifact BMC\n\(content)\nEMC")
    }

    @Test func xObjectsAndInlineImagesOutsideStructureAreArtifacts() {
        #expect(marked("/Im1 Do") == "/Artifact BMC\n/Im1 Do\nEMC")
        let inline = "BI /W 1 /H 1 /BPC 8 /CS /G ID \u{7F}EIx EI"
        #expect(marked(inline) == "/Artifact BMC\n\(inline)\nEMC")
        #expect(marked("/Figure <</MCID 1>> BDC /Im1 Do EMC") == nil, "already inside a figure: nothing to wrap")
    }

    @Test func aStreamThatDoesNotNestIsLeftAlone() {
        #expect(marked("0 0 9 9 re f EMC") == nil)
        #expect(marked("/P <</MCID 0>> BDC 0 0 9 9 re f") == nil)
        #expect(marked("BT (unterminated Tj ET") == nil)
    }

    @Test func randomStreamsNeverCrashAndOnlyGainWrappers() {
        // Fragments of content streams in random order, from a fixed seed.
        let pieces = [
            "q", "Q", "0 0 9 9 re", "f", "S", "n", "W", "BT", "ET", "(a\\)b)", "Tj", "[(x)-3(y)] TJ", "/P <</MCID 0>> BDC", "EMC",
            "/Artifact BMC", "/Im0 Do", "<414243>", "1 0 0 rg", "(", ")", "<<", ">>", "BI /W 1 ID x EI", "% note\n", "3 4 m", "5 6 l", "h",
        ]
        var generator = SeededGenerator(seed: 2026)
        for _ in 0..<3000 {
            let count = Int.random(in: 1...24, using: &generator)
            let text = (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined(separator: " ")
            guard let result = marked(text) else { continue }
            let unwrapped = result.replacingOccurrences(of: "/Artifact BMC\n", with: "").replacingOccurrences(of: "\nEMC", with: "")
            let original = text.replacingOccurrences(of: "/Artifact BMC\n", with: "").replacingOccurrences(of: "\nEMC", with: "")
            #expect(unwrapped == original, "\(text)")
        }
    }
}
