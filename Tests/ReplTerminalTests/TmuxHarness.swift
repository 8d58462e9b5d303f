import Foundation
import TestSupport
import Testing

/// Drives the real `ctxlab` binary in a private tmux server: one server (its own socket,
/// `tmux -L ctxlab-test-<random>`) per session, killed in all cases by `close()` (and `deinit`).
///
/// Everything waits by polling the pane with a deadline; nothing sleeps for a fixed long time.
/// Keys are only typed once the `>>> ` prompt is up: keys typed while code runs can be lost.
enum Tmux {
    /// The tmux executable, if one is installed.
    static let path: String? = {
        let env = ProcessInfo.processInfo.environment
        var dirs = (env["PATH"] ?? "").split(separator: ":").map(String.init)
        dirs += ["/usr/bin", "/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        for d in dirs where FileManager.default.isExecutableFile(atPath: d + "/tmux") { return d + "/tmux" }
        return nil
    }()

    static let isCI: Bool = {
        let ci = ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? ""
        return !ci.isEmpty && ci != "false" && ci != "0"
    }()

    static let missingMessage =
        "tmux is not installed, so the REPL terminal tests cannot run: install it (apt-get install tmux) or run bin/test, which installs it"

    /// The suite runs when tmux is there; without it, it fails in CI and is skipped (with a
    /// printed note) elsewhere.
    static func shouldRun() -> Bool {
        if path != nil { return true }
        if isCI { return true }  // every test then fails with `missingMessage`
        print("ReplTerminalTests SKIPPED: \(missingMessage)")
        return false
    }

    /// The package root, found from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: String { packageRoot.appendingPathComponent(".build/debug/ctxlab").path }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
}

/// A finished command-line run.
struct CommandResult {
    var stdout: String
    var stderr: String
    var status: Int32
}

/// Runs a command to completion (killed after `timeout`), collecting its output.
///
/// The command that starts a tmux server returns once the client has exited and the server
/// (which it forked) has closed the client's output by daemonizing: see `ChildProcess`.
func runCommand(
    _ exe: String, _ args: [String], environment: [String: String]? = nil, timeout: TimeInterval = 20
) throws -> CommandResult {
    do {
        let r = try ChildProcess.run(exe, args, environment: environment, timeout: timeout)
        return CommandResult(stdout: r.stdout, stderr: r.stderr, status: r.status)
    } catch let failure as ChildProcess.Failure {
        throw HarnessError(description: failure.description)
    }
}

/// The pane at one instant: every line (scroll-back then screen) and the cursor.
struct PaneState {
    var lines: [String]
    var historySize: Int
    var cursorX: Int
    var cursorY: Int
    var dead: Bool
    var deadStatus: Int?
    var deadSignal: Int?

    /// The cursor's line counted from the top of the scroll-back (grows as output scrolls).
    var absoluteCursorLine: Int { historySize + cursorY }
    var cursorLine: String { absoluteCursorLine < lines.count ? lines[absoluteCursorLine] : "" }
    var text: String { lines.joined(separator: "\n") }
    /// The screen without trailing blank lines, for failure messages.
    var shown: String {
        var l = lines
        while l.last?.isEmpty == true { l.removeLast() }
        return l.suffix(40).joined(separator: "\n")
    }
}

final class TmuxSession {
    let socket: String
    let tmux: String
    let columns: Int
    let rows: Int
    /// The temporary directory holding HOME and XDG_STATE_HOME (removed by the caller when it
    /// made it; see `TempDir`).
    let stateHome: String
    private var closed = false

    static let defaultTimeout: TimeInterval = 15

    /// Starts `ctxlab args` in a fresh detached tmux server of `columns`×`rows`, with
    /// XDG_STATE_HOME=`stateHome`, TERM=xterm-256color and a minimal environment plus `env`.
    init(columns: Int = 100, rows: Int = 40, arguments: [String] = [], env extra: [String: String] = [:], stateHome: String,
         program: String? = nil) throws {
        guard let tmux = Tmux.path else { throw HarnessError(description: Tmux.missingMessage) }
        guard FileManager.default.isExecutableFile(atPath: Tmux.binary) else {
            throw HarnessError(description: "\(Tmux.binary) is missing: run `swift build --product ctxlab` first (bin/test does)")
        }
        self.tmux = tmux
        self.columns = columns
        self.rows = rows
        self.stateHome = stateHome
        socket = "ctxlab-test-\(UInt64.random(in: 0..<UInt64.max) % 1_000_000_000)-\(getpid())"

        let config = stateHome + "/tmux.conf"
        try """
        set -g remain-on-exit on
        set -g status off
        set -g history-limit 20000
        set -g escape-time 0

        """.write(toFile: config, atomically: true, encoding: .utf8)
        let home = stateHome + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)

        var paneEnv = [
            "PATH=/usr/bin:/bin", "HOME=\(home)", "XDG_STATE_HOME=\(stateHome)",
            "TERM=xterm-256color", "LANG=C.UTF-8",
        ]
        paneEnv += extra.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let paneCommand = ["/usr/bin/env", "-i"] + paneEnv + [program ?? Tmux.binary] + arguments
        var args = ["-u", "-L", socket, "-f", config, "new-session", "-d", "-x", "\(columns)", "-y", "\(rows)"]
        args += paneCommand
        let r = try runCommand(tmux, args, environment: Self.serverEnvironment())
        // The server is up when it answers; new-session's own exit cannot be awaited (above).
        let deadline = Date().addingTimeInterval(Self.defaultTimeout)
        while (try? command(["has-session", "-t", "0"])) == nil {
            if Date() > deadline || !r.stderr.isEmpty {
                close()
                throw HarnessError(description: "tmux new-session failed: \(r.stderr)")
            }
            usleep(10_000)
        }
    }

    deinit { close() }

    /// The tmux server's own environment: ours, minus anything tying it to an outer tmux.
    static func serverEnvironment() -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["TMUX"] = nil
        env["TMUX_PANE"] = nil
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = nil
        return env
    }

    @discardableResult
    func command(_ args: [String]) throws -> CommandResult {
        let r = try runCommand(tmux, ["-u", "-L", socket] + args, environment: Self.serverEnvironment())
        if r.status != 0 {
            throw HarnessError(description: "tmux \(args.joined(separator: " ")) failed (\(r.status)): \(r.stderr)")
        }
        return r
    }

    /// Kills the private server (idempotent).
    func close() {
        if closed { return }
        closed = true
        _ = try? runCommand(tmux, ["-L", socket, "kill-server"], environment: Self.serverEnvironment())
    }

    // MARK: keys

    /// Types text literally (no key names), without Enter.
    func type(_ text: String) throws { try command(["send-keys", "-t", "0", "-l", "--", text]) }

    /// Pastes `text` as a terminal does: `paste-buffer -p` wraps it in the bracketed-paste
    /// sequences when the program asked for them (ESC[?2004h), and sends line ends as CR.
    func paste(_ text: String) throws {
        try command(["set-buffer", "-b", "ctxlab-paste", "--", text])
        try command(["paste-buffer", "-p", "-b", "ctxlab-paste", "-t", "0"])
    }

    /// Sends tmux key names: "Enter", "Tab", "Up", "C-c", "C-d", ...
    func press(_ keys: String...) throws { try command(["send-keys", "-t", "0"] + keys) }

    // MARK: looking at the pane

    /// The pane's lines (scroll-back included) and cursor, read in one tmux invocation.
    func state() throws -> PaneState {
        let sep = "\u{1}CTXLAB-STATE\u{1}"
        let r = try command([
            "capture-pane", "-p", "-t", "0", "-S", "-", ";",
            "display-message", "-p", "-t", "0",
            "\(sep)#{history_size} #{cursor_x} #{cursor_y} #{pane_dead} #{pane_dead_status} #{pane_dead_signal}",
        ])
        guard let range = r.stdout.range(of: sep, options: .backwards) else {
            throw HarnessError(description: "unexpected tmux output: \(r.stdout)")
        }
        var body = String(r.stdout[..<range.lowerBound])
        if body.hasSuffix("\n") { body.removeLast() }
        let fields = r.stdout[range.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        return PaneState(
            lines: body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
            historySize: Int(fields[0]) ?? 0, cursorX: Int(fields[1]) ?? 0, cursorY: Int(fields[2]) ?? 0,
            dead: fields.count > 3 && fields[3] == "1", deadStatus: fields.count > 4 ? Int(fields[4]) : nil,
            deadSignal: fields.count > 5 ? Int(fields[5]) : nil)
    }

    /// The whole pane text; `escapes` keeps colours (`-e`), `joined` joins wrapped lines (`-J`).
    func capture(escapes: Bool = false, joined: Bool = false) throws -> String {
        var args = ["capture-pane", "-p", "-t", "0", "-S", "-"]
        if escapes { args.append("-e") }
        if joined { args.append("-J") }
        return try command(args).stdout
    }

    /// Polls (every 20 ms) until `condition` holds; fails with the screen after `timeout`.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = defaultTimeout, _ condition: (PaneState) -> Bool) throws -> PaneState {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let s = try state()
            if condition(s) { return s }
            if Date() > deadline {
                throw HarnessError(description: "timed out after \(timeout)s waiting for \(what); the pane shows:\n\(s.shown)")
            }
            usleep(20_000)
        }
    }

    /// Waits for a fresh `>>> ` prompt with the cursor right after it, below line `after`.
    @discardableResult
    func waitForPrompt(after line: Int = -1, timeout: TimeInterval = defaultTimeout) throws -> PaneState {
        try waitFor("the >>> prompt", timeout: timeout) { s in
            !s.dead && s.absoluteCursorLine > line && s.cursorLine == ">>>" && s.cursorX == 4
        }
    }

    /// Waits for a `... ` prompt below line `after` with the cursor at `column` (4 + indent).
    @discardableResult
    func waitForContinuation(after line: Int, column: Int, timeout: TimeInterval = defaultTimeout) throws -> PaneState {
        try waitFor("the ... prompt with the cursor at column \(column)", timeout: timeout) { s in
            !s.dead && s.absoluteCursorLine > line && s.cursorLine.hasPrefix("...") && s.cursorX == column
        }
    }

    /// Types a line at the prompt, presses Enter and waits for the next `>>> ` prompt. Returns
    /// the output between the input line and that prompt.
    @discardableResult
    func submit(_ line: String, timeout: TimeInterval = defaultTimeout) throws -> String {
        let before = try waitForPrompt()
        try type(line)
        try waitFor("the typed line to be echoed") { s in
            s.absoluteCursorLine >= before.absoluteCursorLine && s.cursorLine.hasSuffix(lastFragment(of: line, upTo: s.cursorX))
        }
        try press("Enter")
        let after = try waitForPrompt(after: before.absoluteCursorLine, timeout: timeout)
        return after.lines[(before.absoluteCursorLine + 1)..<after.absoluteCursorLine].joined(separator: "\n")
    }

    /// Presses Ctrl-D at the prompt once libedit has the terminal in raw mode, and again (at most
    /// 3 times) if the program is still there 2 s later. libedit draws the prompt before it turns
    /// canonical mode off; a Ctrl-D that lands in that window is the line discipline's
    /// end-of-file, not a key. A person cannot type that fast; a test can.
    func pressCtrlDUntilExit() throws {
        for _ in 0..<3 {
            try waitForRawMode()
            try press("C-d")
            if (try? waitFor("ctxlab to end after Ctrl-D", timeout: 2) { $0.dead }) != nil { return }
        }
    }

    /// Waits (up to 2 s) until the pane's terminal is out of canonical mode, read through the
    /// program's standard input (Linux /proc).
    func waitForRawMode() throws {
        guard let pid = try panePID() else { return }
        let deadline = Date().addingTimeInterval(2)
        while Date() < deadline {
            let fd = open("/proc/\(pid)/fd/0", O_RDONLY | O_NOCTTY | O_NONBLOCK)
            if fd >= 0 {
                var t = termios()
                let ok = tcgetattr(fd, &t) == 0
                Glibc.close(fd)
                if ok && (t.c_lflag & tcflag_t(ICANON)) == 0 { return }
            }
            usleep(5_000)
        }
    }

    /// Waits for the process to end; returns its exit status (nil if a signal killed it). The
    /// pane is dead as soon as its terminal closes; tmux reports the status once it has reaped
    /// the process, which it sometimes does late (its SIGCHLD can be held up by the signal mask
    /// it inherited from the test runner). A process that has ended but is not reaped yet is a
    /// zombie, and Linux shows its wait status in /proc/PID/stat (field 52), so that is read too.
    func waitForExit(timeout: TimeInterval = defaultTimeout) throws -> Int? {
        let pid = try panePID()
        var zombieStatus: Int32?
        let s = try waitFor("ctxlab to exit", timeout: timeout) { s in
            guard s.dead else { return false }
            if s.deadStatus != nil || s.deadSignal != nil { return true }
            if let pid, let status = Self.zombieWaitStatus(pid) { zombieStatus = status }
            return zombieStatus != nil
        }
        if s.deadStatus != nil || s.deadSignal != nil { return s.deadStatus }
        guard let w = zombieStatus else { return nil }
        return (w & 0x7f) == 0 ? Int((w >> 8) & 0xff) : nil
    }

    /// The wait status of `pid` if it is a zombie (ended, not yet reaped), from /proc.
    static func zombieWaitStatus(_ pid: Int32) -> Int32? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // fields[0] is field 3 (state); field 52 (exit_code) is fields[49].
        guard fields.first == "Z", fields.count > 49 else { return nil }
        return Int32(fields[49].trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Whether `pid` has ended (gone, or a zombie waiting to be reaped).
    static func hasEnded(_ pid: Int32) -> Bool {
        kill(pid, 0) != 0 || zombieWaitStatus(pid) != nil
    }

    /// The pid of the program in the pane (`env` execs ctxlab, so it is ctxlab's).
    func panePID() throws -> Int32? {
        Int32(try command(["display-message", "-p", "-t", "0", "#{pane_pid}"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// The tail of a typed line that ends the cursor's screen line once it is echoed (a long line
/// wraps, so at most `column` characters of it are on that screen line; trailing spaces are
/// not captured).
func lastFragment(of line: String, upTo column: Int) -> String {
    var l = Substring(line)
    while l.last == " " { l = l.dropLast() }
    return String(l.suffix(max(0, min(12, column))))
}

/// A temporary directory, removed by `remove()`.
struct TempDir {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ctxlab-tmux-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Runs `body` with a fresh ctxlab in tmux, closing the tmux server and removing the
/// temporary state whatever happens.
func withRepl<T>(
    columns: Int = 100, rows: Int = 40, arguments: [String] = [], env: [String: String] = [:],
    stateHome: String? = nil, program: String? = nil, _ body: (TmuxSession) throws -> T
) throws -> T {
    let temp = stateHome == nil ? try TempDir() : nil
    defer { temp?.remove() }
    let session = try TmuxSession(
        columns: columns, rows: rows, arguments: arguments, env: env, stateHome: stateHome ?? temp!.path, program: program)
    defer { session.close() }
    return try body(session)
}
