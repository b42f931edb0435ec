import Foundation

/// An advisory lock (flock) on the database's folder, held while a store opens, migrates and probes
/// the database, so that processes opening one database at the same instant take turns.
///
/// SQLite's own locks cannot do this alone: two openers switching a new file to WAL and migrating it
/// can each hold what the other waits for, and one gives up with "database is locked" after the busy
/// timeout (seen with four openers on a loaded machine). The folder is locked rather than the file,
/// because closing any descriptor of the database file would drop SQLite's POSIX locks on it.
/// Best effort: a folder that cannot be opened or locked within `timeout` leaves the opening unguarded.
struct OpeningLock {
    private let descriptor: Int32

    init(folder: String, timeout: TimeInterval = 20) {
        let fd = Foundation.open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { descriptor = -1; return }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(fd)
                descriptor = -1
                return
            }
            usleep(10_000)
        }
        descriptor = fd
    }

    /// Releases the lock (closing the descriptor releases its flock).
    func release() {
        if descriptor >= 0 { close(descriptor) }
    }
}
