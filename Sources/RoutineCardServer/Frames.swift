import Foundation
import RoutineCard

/// Messages over a pipe, each a 4-byte big-endian length and its bytes: how the server and its
/// render workers talk.
enum Frames {
    /// Writes each message in turn.
    static func write(_ messages: [Data], to descriptor: Int32) throws {
        var bytes = Data()
        for message in messages {
            let count = UInt32(message.count)
            bytes.append(contentsOf: [UInt8(count >> 24), UInt8((count >> 16) & 0xFF), UInt8((count >> 8) & 0xFF), UInt8(count & 0xFF)])
            bytes.append(message)
        }
        try AtomicFile.writeAll(bytes, to: descriptor, name: "the render worker's pipe")
    }

    /// The next message; nil when the other end closed the pipe before it began one.
    /// - Parameter deadline: when to stop waiting (a ``FrameError/timedOut``); nil waits for ever.
    static func read(from descriptor: Int32, deadline: ContinuousClock.Instant? = nil) throws(FrameError) -> Data? {
        guard let head = try readExactly(4, from: descriptor, deadline: deadline, allowEnd: true) else { return nil }
        let count = head.reduce(0) { $0 << 8 | Int($1) }
        return try readExactly(count, from: descriptor, deadline: deadline, allowEnd: false) ?? Data()
    }

    private static func readExactly(
        _ count: Int, from descriptor: Int32, deadline: ContinuousClock.Instant?, allowEnd: Bool
    ) throws(FrameError)
        -> Data?
    {
        var data = Data(count: count)
        var filled = 0
        while filled < count {
            if let deadline { try wait(for: descriptor, until: deadline) }
            let got = data.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress.map { $0 + filled }, count - filled)
            }
            if got < 0, errno == EINTR { continue }
            if got < 0 { throw .broken("read failed (errno \(errno))") }
            if got == 0 {
                if filled == 0 && allowEnd { return nil }
                throw .broken("the pipe closed inside a message")
            }
            filled += got
        }
        return data
    }

    private static func wait(for descriptor: Int32, until deadline: ContinuousClock.Instant) throws(FrameError) {
        while true {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { throw .timedOut }
            var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(min(Int64(Int32.max), left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1))
            let ready = poll(&entry, 1, milliseconds)
            if ready > 0 { return }
            if ready < 0, errno != EINTR { throw .broken("poll failed (errno \(errno))") }
        }
    }
}

enum FrameError: Error, Sendable {
    case timedOut
    case broken(String)
}
