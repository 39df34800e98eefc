import Foundation

// Usage: AssetEmbedder OUTPUT.swift ASSETS_FOLDER FILE...
// Writes a Swift file mapping each file's path (relative to ASSETS_FOLDER) to its bytes in base64.
// Base64 string literals compile quickly, unlike large array literals, and need no escaping.

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: AssetEmbedder OUTPUT ASSETS_FOLDER FILE...\n".utf8))
    exit(64)
}
let output = URL(fileURLWithPath: arguments[1])
let root = URL(fileURLWithPath: arguments[2]).standardizedFileURL.path + "/"

var source = """
    // Generated from Assets/ by the EmbedAssets build plugin. Do not edit.

    enum EmbeddedAssets {
        /// Asset path relative to Assets/ → file contents in base64.
        static let base64: [String: String] = [

    """
var entries = 0
for path in arguments.dropFirst(3).sorted() {
    let url = URL(fileURLWithPath: path).standardizedFileURL
    guard url.path.hasPrefix(root) else { continue }
    do {
        let data = try Data(contentsOf: url)
        let name = String(url.path.dropFirst(root.count))
        source += "        \"\(name)\": \"\(data.base64EncodedString())\",\n"
        entries += 1
    } catch {
        FileHandle.standardError.write(Data("AssetEmbedder: cannot read \(path): \(error)\n".utf8))
        exit(74)
    }
}
source += entries == 0 ? "        :]\n}\n" : "    ]\n}\n"

do {
    // Rewrite only when the contents change, so unchanged assets do not trigger a recompile.
    if (try? String(contentsOf: output, encoding: .utf8)) != source {
        try source.write(to: output, atomically: true, encoding: .utf8)
    }
} catch {
    FileHandle.standardError.write(Data("AssetEmbedder: cannot write \(output.path): \(error)\n".utf8))
    exit(74)
}
