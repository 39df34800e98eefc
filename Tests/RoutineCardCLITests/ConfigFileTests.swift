import Foundation
import Testing
import TestSupport

/// Defaults from a config file, with command-line options winning.
struct ConfigFileTests: CLITest {
    let cli: CLIHarness
    init() throws { cli = try CLIHarness() }

    func pageSize(_ name: String) throws -> String? {
        ExternalTool.field("Page size", in: try ExternalTool.run("pdfinfo", [folder.appendingPathComponent(name).path]).output)
    }

    func writeConfig(_ text: String, at path: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func theXDGConfigSetsDefaultsAndOptionsWin() throws {
        try writeConfig("paper: 4x6in\nlanguage: es\nby: Dr Ruiz\n", at: "config-home/routinecard/config.yaml")
        #expect(try run(["render", "-o", "a.pdf"]).status == 0)
        #expect(try pageSize("a.pdf") == "288 x 432 pts")
        let text = try ExternalTool.run("pdftotext", [folder.appendingPathComponent("a.pdf").path, "-"]).output
        #expect(text.contains("mantener") && text.contains("De Dr Ruiz"), "Spanish labels and the by-line from the config")
        #expect(try run(["render", "-o", "b.pdf", "--paper", "a6"]).status == 0)
        #expect(try pageSize("b.pdf")?.hasPrefix("297.638 x 419.528") == true)
    }

    @Test func aNamedConfigFileIsUsedAndHomeIsTheFallback() throws {
        try writeConfig("template: sheet\n", at: "mine.yaml")
        #expect(try run(["render", "-o", "c.pdf", "--config", "mine.yaml"]).status == 0)
        #expect(try pageSize("c.pdf")?.hasPrefix("595.276 x 841.89") == true)
        try writeConfig("paper: letter\n", at: "home/.config/routinecard/config.yaml")
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = ""
        environment["HOME"] = folder.appendingPathComponent("home").path
        #expect(try run(["render", "-o", "d.pdf"], environment: environment).status == 0)
        #expect(try pageSize("d.pdf")?.hasPrefix("612 x 792") == true)
    }

    @Test func theConfigResolutionReachesBatchRowsThatLeaveItOut() throws {
        try writeConfig("dpi: 72\n", at: "config-home/routinecard/config.yaml")
        try Data("routines,output,dpi\nleg-cramps,a.png,\nleg-cramps,b.png,144\n".utf8).write(to: folder.appendingPathComponent("m.csv"))
        #expect(try run(["batch", "m.csv", "--out-dir", "out", "-q"]).status == 0)
        func width(_ name: String) throws -> Int {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent("out/\(name)")))
            return bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        }
        #expect(try width("a-1.png") == 298, "72 dpi from the config file")
        #expect(try width("b-1.png") == 595, "the row's own 144 dpi wins")
    }

    @Test func aBrokenConfigFileIsNamedWithItsLine() throws {
        try writeConfig("paper: a6\nthem: ink-saver\n", at: "bad.yaml")
        let result = try run(["render", "-o", "e.pdf", "--config", "bad.yaml"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("bad.yaml:2:1: error: unknown field 'them'") && result.stderr.contains("did you mean 'theme'"))
        try writeConfig("paper: 0x5mm\n", at: "worse.yaml")
        let worse = try run(["render", "-o", "e.pdf", "--config", "worse.yaml"])
        #expect(worse.status == 64)
        #expect(worse.stderr.contains("worse.yaml:1:8: error:"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("e.pdf").path))
    }
}
