#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One lock for all drawing and text work in the process.
///
/// cairo 1.16 shares state between threads that per-thread font maps do not isolate, and it races
/// on it: its glyph-page cache evicts a page of another thread's font while that thread is using it
/// (a crash in `cairo_scaled_font_glyph_extents`), or locks that font in the opposite order to
/// its owner (a deadlock: the hang of `batch --jobs 8`); its FreeType backend keeps at most ten
/// font files open and closes one that another thread is reading (a crash in FreeType, "error
/// occurred in libfreetype"). Both were fixed upstream only after 1.16. So whatever measures or
/// draws with cairo, Pango or librsvg runs on one thread at a time; work that does not (PNG
/// compression, file I/O, loading librsvg and parsing a drawing) runs outside, and batches get their
/// parallelism from worker processes, which share nothing.
public enum CairoLock {
    // A plain pthread mutex: `Synchronization.Mutex` cannot hand back a non-Sendable result, and the
    // bodies return cairo-owning objects to the caller on the same thread.
    private final class Storage: @unchecked Sendable {
        let mutex: UnsafeMutablePointer<pthread_mutex_t>
        init() {
            mutex = .allocate(capacity: 1)
            var attributes = pthread_mutexattr_t()
            pthread_mutexattr_init(&attributes)
            // Recursive, so a library call made from inside another (a warm-up body, a nested
            // measurement) cannot deadlock its own thread.
            pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_RECURSIVE))
            pthread_mutex_init(mutex, &attributes)
            pthread_mutexattr_destroy(&attributes)
        }
    }

    private static let storage = Storage()

    /// Runs `body` while no other thread uses cairo, Pango or librsvg.
    public static func run<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(storage.mutex)
        defer { pthread_mutex_unlock(storage.mutex) }
        return try body()
    }
}
