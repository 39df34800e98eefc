import CQREncode
import Foundation

/// QR codes from libqrencode: the modules of the symbol for a text, without its quiet zone.
public enum QREncoder {
    /// The dark modules of the QR code for `text` (error correction level M, which survives a
    /// smudge or a fold in print), row by row, `side` × `side`.
    public static func encode(_ text: String) throws -> (side: Int, dark: [Bool]) {
        // Version 0: the smallest symbol that holds the text; 8-bit mode keeps the URL exact.
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else {
            let reason = errno == ERANGE ? "the text is too long for a QR code" : String(cString: strerror(errno))
            throw GraphicsError("encoding a QR code", reason: reason)
        }
        defer { QRcode_free(code) }
        let side = Int(code.pointee.width)
        guard side > 0, let data = code.pointee.data else { throw GraphicsError("encoding a QR code", reason: "libqrencode returned an empty symbol") }
        // Bit 0 of each byte is the module's colour; the other bits say what the module is for.
        let dark = (0..<side * side).map { data[$0] & 1 == 1 }
        return (side, dark)
    }
}
