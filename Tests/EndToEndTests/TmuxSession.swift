import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Drives the real `dossier` binary in a detached tmux session, like a person at a terminal:
/// send keys, poll the screen until something appears, and always kill the session.
/// Uses its own tmux server socket and no user config, so a developer's tmux is never touched.
final class TmuxSession {
    static let socket = "dossier-e2e-\(getpid())"
    let name: String
    let scratch: URL

    static var isAvailable: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts `shellCommand` (run by sh in the package root) in a `width`×`height` window.
    /// `$DOSSIER` in the command is the binary; `$SCRATCH` is a private temporary folder, holding
    /// `files` (relative path → contents) before the command starts. `title` names the pane, so a
    /// test can see whether the program retitled it; the server honours OSC 52 (set-clipboard on),
    /// so a clipboard write would show up in `buffers()`.
    init(_ shellCommand: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:],
         title: String? = nil, files: [String: String] = [:]) throws {
        name = "t\(UUID().uuidString.prefix(8))"
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-tmux-\(name)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        for (path, contents) in files {
            let url = scratch.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        var exports = "export TERM=tmux-256color DOSSIER='\(DossierBinary.executable.path)' SCRATCH='\(scratch.path)' XDG_CONFIG_HOME='\(scratch.path)/config' XDG_DATA_HOME='\(scratch.path)/data'; unset DOSSIER_DB;"
        for (key, value) in environment { exports += " export \(key)='\(value)';" }
        let script = "cd '\(DossierBinary.packageRoot.path)' && \(exports) \(shellCommand)"
        try startSession(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "sh", "-c", script])
        // Keep the pane after the program ends, so its last screen and marker lines can be read.
        try? Self.tmux(["set-option", "-t", name, "remain-on-exit", "on"])
        try? Self.tmux(["set-option", "-s", "set-clipboard", "on"])
        if let title { try? Self.tmux(["select-pane", "-t", name, "-T", title]) }
    }

    deinit { kill() }

    /// Runs new-session, retrying when it fails without making the session. Tests share one server
    /// per test process, and tmux ends a server when its last session closes: a new-session that
    /// reaches a server in the middle of exiting fails ("server exited unexpectedly"), and the next
    /// try starts a fresh server. A session that exists after a failed client is kept as it is.
    private func startSession(_ arguments: [String]) throws {
        var lastError: Error?
        for attempt in 0..<5 {
            if attempt > 0 { usleep(200_000) }
            do { try Self.tmux(arguments); return } catch { lastError = error }
            if (try? Self.tmux(["has-session", "-t", name])) != nil { return }
        }
        throw lastError!
    }

    func kill() {
        // End the program first: a pane's process can outlive kill-session and keep the server alive.
        if let pid = programPID(), pid > 1 { Glibc.kill(pid, SIGTERM) }
        try? Self.tmux(["kill-session", "-t", name])
        try? FileManager.default.removeItem(at: scratch)
        // The socket file is never removed here, though the server may leave it behind when its last
        // session ends: tests run in parallel, and another test's new-session may already have
        // started a new server on it, which unlinking would cut off (its screen reads "" until the
        // timeout). tmux itself replaces a stale socket when it starts a server.
    }

    /// Sends tmux key names ("j", "Enter", "C-o", "Escape").
    func send(_ keys: String...) throws { try Self.tmux(["send-keys", "-t", name] + keys) }

    /// Sends text literally, character by character.
    func type(_ text: String) throws { try Self.tmux(["send-keys", "-t", name, "-l", text]) }

    func resize(width: Int, height: Int) throws {
        try Self.tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The screen as text (`escapes`: with colour and attribute escape sequences).
    func screen(escapes: Bool = false) -> String {
        (try? Self.tmux(["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : []))) ?? ""
    }

    var lines: [String] { screen().components(separatedBy: "\n") }

    /// Polls the screen until `condition` holds; returns the last screen either way.
    @discardableResult
    func waitFor(timeout: TimeInterval = 30, _ condition: (String) -> Bool) -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var last = screen()
        while !condition(last) {
            if Date() > deadline { return (false, last) }
            usleep(30_000)
            last = screen()
        }
        return (true, last)
    }

    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 30) -> (ok: Bool, screen: String) {
        waitFor(timeout: timeout) { $0.contains(text) }
    }

    /// The process id of the program started in the pane (the child of its sh, when there is one).
    func programPID() -> Int32? {
        guard let shell = (try? Self.tmux(["list-panes", "-t", name, "-F", "#{pane_pid}"]))
            .flatMap({ Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) else { return nil }
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { Int32($0) } ?? shell
    }

    /// The `dossier` process, however deep under the pane's shell (a wrapped command runs it as a grandchild).
    func readerPID() -> Int32? {
        guard let shell = (try? Self.tmux(["list-panes", "-t", name, "-F", "#{pane_pid}"]))
            .flatMap({ Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) else { return nil }
        var queue = [shell]
        while let pid = queue.popLast() {
            let command = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? ""
            if command.hasPrefix(DossierBinary.executable.path) { return pid }
            let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
            queue += children.split(separator: " ").compactMap { Int32($0) }
        }
        return nil
    }

    /// Alive and not a zombie.
    static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        guard let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        return state != "Z" && state != "X"
    }

    /// Closes the window under the program, as a person closing their terminal does (the program gets SIGHUP).
    func closeTerminal() { try? Self.tmux(["kill-session", "-t", name]) }

    func paneTitle() -> String {
        ((try? Self.tmux(["display-message", "-p", "-t", name, "#{pane_title}"])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The tmux paste buffers: where an OSC 52 clipboard write would land.
    func buffers() -> String { ((try? Self.tmux(["list-buffers"])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    func file(_ name: String) -> String? { try? String(contentsOf: scratch.appendingPathComponent(name), encoding: .utf8) }

    /// Runs tmux with posix_spawn and waitpid: Foundation's Process can miss the exit of a client
    /// whose server it forked, and then waits forever. Output goes through a file, not a pipe, because
    /// the server that new-session starts inherits the descriptor and would hold a pipe open.
    @discardableResult
    static func tmux(_ arguments: [String]) throws -> String {
        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-tmux-out-\(UUID().uuidString)").path
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let errorPath = outPath + ".err"
        defer { unlink(errorPath) }
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ["tmux", "-L", socket] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, "tmux", &actions, nil, &cArguments, environ) == 0 else { throw TmuxError(arguments: arguments) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        // WIFEXITED && WEXITSTATUS == 0
        if status & 0x7f != 0 || (status >> 8) & 0xff != 0 {
            let message = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            throw TmuxError(arguments: arguments, message: message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return output
    }

    struct TmuxError: Error { var arguments: [String]; var message = "" }
}
