import Foundation
import Testing
import TestSupport

/// The clinic's options from the command line, a batch manifest and the config file: what a
/// physiotherapist types, read back from the PDF with pdftotext and from PNGs with zbarimg.
struct ClinicOptionsTests: CLITest {
    let cli: CLIHarness
    init() throws { cli = try CLIHarness() }

    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/examples/clinic")

    func text(_ name: String) throws -> String {
        try ExternalTool.run("pdftotext", [folder.appendingPathComponent(name).path, "-"]).output.replacingOccurrences(of: "\u{A0}", with: " ")
    }

    func copyExamples() throws {
        for name in ["leg-cramps-clinic.yaml", "logo.svg"] {
            try FileManager.default.copyItem(at: Self.examples.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
    }

    @Test func renderTakesTheLogoContactCodesDiaryAndReviewDate() throws {
        try copyExamples()
        let result = try run([
            "render", "leg-cramps-clinic.yaml", "--logo", "logo.svg", "--contact", "Riverside Physiotherapy", "--contact", "0161 555 0100",
            "--qr", "--diary", "--review", "2027-03-12", "-o", "clinic.pdf",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let words = try text("clinic.pdf")
        for phrase in ["Riverside Physiotherapy", "0161 555 0100", "SYMPTOM DIARY", "Woke me", "Next review: 12 March"] {
            #expect(words.contains(phrase), "\(phrase)")
        }
        #expect(try run(["render", "leg-cramps-clinic.yaml", "--qr", "-o", "codes.png", "--dpi", "200"]).status == 0)
        let decoded = try ExternalTool.run("zbarimg", ["--quiet", "--raw", folder.appendingPathComponent("codes-1.png").path]).output
        #expect(decoded.contains("https://riverside-physio.example/videos/calf-raises"))
    }

    @Test(arguments: [
        (["--review", "12/03/2027"], "should be a date like 2027-03-12"),
        (["--review", "2027-02-30"], "should be a date like"),
        (["--logo", "nowhere.svg"], "no file"),
        (["--template", "wallet", "--diary"], "no room for a week's symptom diary"),
        (["--contact", "a", "--contact", "b", "--contact", "c"], "at most 2"),
    ])
    func mistakesAreUsageErrors(arguments: [String], phrase: String) throws {
        let result = try run(["render", "leg-cramps", "-o", "x.pdf"] + arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(phrase), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.pdf").path))
    }

    @Test func aManifestSetsThemPerRowAndKeepsTheLogoInItsFolder() throws {
        try copyExamples()
        let manifest = """
            routines,output,logo,contact,qr,diary,review,for
            leg-cramps-clinic.yaml,sam.pdf,logo.svg,Riverside Physiotherapy | 0161 555 0100,true,true,2027-03-12,Sam
            leg-cramps,ana.pdf,,,false,false,,Ana
            leg-cramps,bad.pdf,/etc/hostname,,,,,Bo
            """
        try Data(manifest.utf8).write(to: folder.appendingPathComponent("m.csv"))
        let result = try run(["batch", "m.csv", "--out-dir", "out", "--keep-going"])
        let sam = try text("out/sam.pdf")
        #expect(sam.contains("Riverside Physiotherapy") && sam.contains("0161 555 0100") && sam.contains("SYMPTOM DIARY") && sam.contains("Next review"))
        #expect(try !text("out/ana.pdf").contains("SYMPTOM DIARY"))
        #expect(result.status != 0 && result.stderr.contains("outside the manifest's folder"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/bad.pdf").path))
    }

    @Test func theConfigFileGivesTheClinicsDefaults() throws {
        try copyExamples()
        let config = "logo: logo.svg\ncontact:\n  - Riverside Physiotherapy\n  - riverside-physio.example\nqr: true\ndiary: true\n"
        try Data(config.utf8).write(to: folder.appendingPathComponent("clinic.yaml"))
        let result = try run(["render", "leg-cramps-clinic.yaml", "--config", "clinic.yaml", "-o", "c.pdf"])
        #expect(result.status == 0, "\(result.stderr)")
        let words = try text("c.pdf")
        #expect(words.contains("riverside-physio.example") && words.contains("SYMPTOM DIARY") && words.contains("Video"))
    }
}
