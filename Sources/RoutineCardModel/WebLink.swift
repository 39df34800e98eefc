import Foundation

/// The rules for a `link:` a routine, exercise or tip may carry: a web address that a PDF makes
/// clickable. Only http and https, with a host; nothing that could name a file or run a script.
public enum WebLink {
    /// The longest address accepted.
    public static let maximumLength = 2000

    /// Why `text` is not an acceptable link, or nil when it is.
    public static func problem(_ text: String) -> String? {
        guard text.count <= maximumLength else { return "the link is \(text.count) characters long; at most \(maximumLength)" }
        guard !text.contains(where: { $0.isWhitespace || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) else {
            return "the link contains a space or a control character; write it as one web address, like https://example.org/calf-raise"
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = components.host, !host.isEmpty
        else {
            return "the link '\(text.prefix(60))' is not a web address; start it with https:// (or http://) and a host, like https://example.org/calf-raise"
        }
        return nil
    }
}
