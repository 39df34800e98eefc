import Foundation
import Synchronization

/// Writes files so that readers see either the old file or the complete new one, never a part.
///
/// Each file is written to a temporary name in the same folder and renamed over the target when
/// complete. ``abandonAll()`` (called when the process is interrupted) deletes every temporary file
/// still being written, and no new one is started afterwards. Files are not flushed to the disk one
/// by one, so this guards against failed and interrupted runs, not power cuts: a file written just
/// before one may come back empty on some file systems.
public enum AtomicFile {
    private struct State: ~Copyable {
        var abandoned = false
        var inFlight: Set<String> = []
    }

    private static let state = Mutex(State())

    /// Writes `data` to a temporary file beside `url`, then renames it over `url`.
    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp").path
        // Create and register under the lock, so an interruption either sees the file or prevents it.
        let descriptor: Int32 = try state.withLock { state in
            guard !state.abandoned else { throw CocoaError(.userCancelled) }
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw posixError("cannot create a file in \(folder.path)") }
            state.inFlight.insert(temporary)
            return fd
        }
        var failure: (any Error)?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = posixError("cannot write \(url.path)")
                    return
                }
                offset += written
            }
        }
        // No fsync: the rename already keeps readers and interrupted runs from seeing a part, and a
        // flush per card would cost a batch a disk round trip per file (0.1 ms here, milliseconds
        // on a spinning disk or a network share).
        if close(descriptor) != 0, failure == nil { failure = posixError("cannot write \(url.path)") }
        try state.withLock { state in
            state.inFlight.remove(temporary)
            if failure == nil, state.abandoned { failure = CocoaError(.userCancelled) }
            if failure == nil, rename(temporary, url.path) != 0 { failure = posixError("cannot move the file into place at \(url.path)") }
            if let failure {
                unlink(temporary)
                throw failure
            }
        }
    }

    /// Deletes every temporary file being written and refuses new ones. Safe to call from any thread.
    public static func abandonAll() {
        state.withLock { state in
            state.abandoned = true
            for path in state.inFlight { unlink(path) }
            state.inFlight.removeAll()
        }
    }

    private static func posixError(_ context: String) -> CocoaError {
        let reason = String(cString: strerror(errno))
        return CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(context): \(reason)"])
    }
}
