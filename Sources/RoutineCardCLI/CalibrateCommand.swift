import ArgumentParser
import Foundation
import RoutineCard
import RoutineCardBatch

struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Write a two-page duplex test sheet to measure how far your printer's back side is off.",
        discussion: """
            Print the file on both sides at actual size, hold the sheet up to the light, and read where \
            the front's cross shows through on the back's millimetre scales. Pass the two numbers to \
            later renders as --back-offset Xmm,Ymm (or back_offset in the config file).
            """
    )

    @Option(help: "a4, letter or any.")
    var sheet: String = "any"

    @Option(help: "The edge the paper turns over for the back: long or short.")
    var flip: String = "long"

    @Option(name: .shortAndLong, help: "The PDF to write.")
    var output: String = "calibration.pdf"

    func run() throws {
        do {
            var settings = CardSettings()
            settings.sheet = sheet
            settings.flip = flip
            guard let options = try settings.cardOptions().sheet else { throw UsageError(message: "name a sheet: a4, letter or any") }
            let document = try CardRenderer().renderCalibration(
                sheet: options, howToApply: "Pass them as --back-offset Xmm,Ymm (0,0 needs none).", output: OutputOptions(format: .pdf))
            try document.write(to: URL(fileURLWithPath: output))
            printError("routinecard: wrote \(output) (2 pages: print both sides at actual size)")
        } catch let error as SettingError {
            throw ExitCode(report(UsageError(message: error.description)))
        } catch {
            throw ExitCode(report(error))
        }
    }
}
