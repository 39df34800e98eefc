import Foundation
import Synchronization

/// Writes output files so that readers see either the old file or the complete new one, and so that
/// nothing that is not ours is replaced.
///
/// What the target is decides how it is written:
/// - a regular file, or nothing yet: a temporary file beside it, renamed over it when complete
///   (an existing file keeps its permissions; one we may not write is an error and stays as it was);
/// - a symbolic link: the file it points to is replaced that way, and the link stays a link;
/// - a character device or FIFO (`/dev/null`, `/dev/stdout`, a named pipe): written to directly;
/// - a folder, a block device or a socket: an error.
///
/// Several files (the pages of a PNG) are written all or nothing: every temporary file is complete
/// before the first is renamed. ``abandonAll()`` (called when the process is interrupted) deletes
/// every temporary file still being written, and no new one is started afterwards. Temporary files
/// carry the writer's process id, so ``removeStale(in:)`` can delete those a killed run left.
/// Files are not flushed to the disk one by one, so this guards against failed and interrupted runs,
/// not power cuts.
package enum AtomicFile {
    private struct State: ~Copyable {
        var abandoned = false
        var inFlight: Set<String> = []
    }

    private static let state = Mutex(State())

    /// Writes `data` to `url` (see ``AtomicFile`` for what each kind of target gets).
    package static func write(_ data: Data, to url: URL) throws(OutputError) {
        try write([(data, url)])
    }

    /// Writes every file, or none: all are written to temporary files before any is moved into place.
    package static func write(_ files: [(data: Data, url: URL)]) throws(OutputError) {
        var staged: [(temporary: String, target: String)] = []
        do {
            for (data, url) in files {
                switch try destination(of: url) {
                case .stream(let path):
                    try writeDirectly(data, to: path)
                case .replace(let path, let mode):
                    staged.append((try stage(data, beside: path, mode: mode), path))
                }
            }
            try state.withLock { (state) throws(OutputError) in
                for (index, file) in staged.enumerated() {
                    if state.abandoned { throw OutputError(.interrupted, "interrupted; \(file.target) was not written") }
                    if rename(file.temporary, file.target) != 0 {
                        let error = OutputError.posix("cannot move the file into place at \(file.target)")
                        for rest in staged[index...] { unlink(rest.temporary); state.inFlight.remove(rest.temporary) }
                        staged.removeAll()
                        throw error
                    }
                    state.inFlight.remove(file.temporary)
                }
                staged.removeAll()
            }
        } catch {
            state.withLock { state in
                for file in staged {
                    unlink(file.temporary)
                    state.inFlight.remove(file.temporary)
                }
            }
            throw error
        }
    }

    private enum Destination {
        /// Written in place: a device or a pipe.
        case stream(String)
        /// Replaced by a renamed temporary file, given `mode` (the old file's, or nil for a new file).
        case replace(String, mode: mode_t?)
    }

    private static func destination(of url: URL) throws(OutputError) -> Destination {
        var path = url.path
        guard !path.isEmpty, !url.lastPathComponent.isEmpty, path != "/" else {
            throw OutputError(.invalidTarget, "'\(url.relativePath)' is not a file name")
        }
        var status = stat()
        if lstat(path, &status) != 0 {
            guard errno == ENOENT else { throw OutputError.posix("cannot look at \(path)") }
            return .replace(path, mode: nil)
        }
        if (status.st_mode & S_IFMT) == S_IFLNK {
            // Follow the link to the file it names (even one that does not exist yet).
            var hops = 0
            while lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK {
                hops += 1
                guard hops <= 40, let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else {
                    throw OutputError(.invalidTarget, "\(url.path) is a symbolic link that cannot be followed")
                }
                path = target.hasPrefix("/") ? target : (path as NSString).deletingLastPathComponent + "/" + target
            }
            if lstat(path, &status) != 0 {
                guard errno == ENOENT else { throw OutputError.posix("cannot look at \(path)") }
                return .replace(path, mode: nil)
            }
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            guard access(path, W_OK) == 0 else {
                throw OutputError(.permissionDenied, "\(path) cannot be written (\(String(cString: strerror(errno)))); it was left as it was")
            }
            return .replace(path, mode: status.st_mode & 0o7777)
        case S_IFCHR, S_IFIFO:
            return .stream(path)
        case S_IFDIR:
            throw OutputError(.invalidTarget, "\(path) is a folder; name a file to write")
        case S_IFSOCK:
            throw OutputError(.invalidTarget, "\(path) is a socket; cards are written to files, devices and pipes")
        default:
            throw OutputError(.invalidTarget, "\(path) is a block device or another special file; it was left alone")
        }
    }

    private static func writeDirectly(_ data: Data, to path: String) throws(OutputError) {
        let descriptor = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputError.posix("cannot open \(path)") }
        defer { close(descriptor) }
        try writeAll(data, to: descriptor, name: path)
    }

    /// Writes all of `data` to an open descriptor, retrying short and interrupted writes.
    package static func writeAll(_ data: Data, to descriptor: Int32, name: String) throws(OutputError) {
        var failure: OutputError?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = OutputError.posix("cannot write \(name)")
                    return
                }
                offset += written
            }
        }
        if let failure { throw failure }
    }

    private static func stage(_ data: Data, beside target: String, mode: mode_t?) throws(OutputError) -> String {
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).\(getpid()).\(UUID().uuidString.prefix(8)).tmp"
        // Create and register under the lock, so an interruption either sees the file or prevents it.
        let descriptor: Int32 = try state.withLock { (state) throws(OutputError) -> Int32 in
            guard !state.abandoned else { throw OutputError(.interrupted, "interrupted; \(target) was not written") }
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode ?? 0o644)
            guard fd >= 0 else { throw OutputError.posix("cannot create a file in \(folder.isEmpty ? "." : folder)") }
            state.inFlight.insert(temporary)
            return fd
        }
        var failure: OutputError?
        do { try writeAll(data, to: descriptor, name: target) } catch { failure = error }
        // The old file's permissions, whatever the umask made of the new one.
        if failure == nil, let mode, fchmod(descriptor, mode) != 0 { failure = OutputError.posix("cannot set the permissions of \(target)") }
        if close(descriptor) != 0, failure == nil { failure = OutputError.posix("cannot write \(target)") }
        if let failure {
            state.withLock { state in
                unlink(temporary)
                state.inFlight.remove(temporary)
            }
            throw failure
        }
        return temporary
    }

    /// Deletes every temporary file being written and refuses new ones. Safe to call from any thread.
    package static func abandonAll() {
        state.withLock { state in
            state.abandoned = true
            for path in state.inFlight { unlink(path) }
            state.inFlight.removeAll()
        }
    }

    /// Deletes the temporary files that runs no longer alive left in `folder` (a run killed with
    /// SIGKILL cannot clean up after itself). Returns how many were removed.
    @discardableResult
    package static func removeStale(in folder: URL) -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return 0 }
        var removed = 0
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            // .NAME.PID.XXXXXXXX.tmp
            let parts = name.split(separator: ".")
            guard parts.count >= 4, let pid = Int32(parts[parts.count - 3]), pid > 0, parts[parts.count - 2].count == 8 else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }  // its writer is still running
            if unlink(folder.appendingPathComponent(name).path) == 0 { removed += 1 }
        }
        return removed
    }
}

/// An output could not be written.
package struct OutputError: Error, Sendable, CustomStringConvertible {
    package enum Kind: Sendable {
        /// The target is a folder, a block device, a socket or no file name.
        case invalidTarget
        /// The target or its folder may not be written.
        case permissionDenied
        /// Writing failed (a full disk, a broken pipe, an I/O error).
        case failed
        /// The process was interrupted before the file was complete.
        case interrupted
    }

    package var kind: Kind
    package var description: String
    /// The C error number, when the system reported one.
    package var errorNumber: Int32?

    package init(_ kind: Kind, _ description: String, errorNumber: Int32? = nil) {
        self.kind = kind
        self.description = description
        self.errorNumber = errorNumber
    }

    static func posix(_ context: String) -> OutputError {
        let number = errno
        let kind: Kind = number == EACCES || number == EPERM || number == EROFS ? .permissionDenied : .failed
        return OutputError(kind, "\(context): \(String(cString: strerror(number)))", errorNumber: number)
    }
}
