import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program to completion and collects what it printed: the one way every test suite
/// starts a subprocess.
///
/// Not Foundation's `Process`: the suites run side by side, and on Linux `Process.run()` is not
/// safe from several threads at once (CI crashed inside it, in `memcpy`), it keeps descriptors
/// open until it notices the child ended (the test process reached 2,500 open pipes), and it
/// learns that a child ended from a descriptor the child inherited, so a tmux client whose
/// forked server keeps that descriptor seems to run forever. This uses `posix_spawn` with
/// close-on-exec pipes (a child started by another thread at the same moment inherits none of
/// them), closes every other descriptor in the child, and reaps the child with `waitpid`.
///
/// The child starts with an empty signal mask and default dispositions: Swift Testing's worker
/// threads block most signals, and a blocked mask is inherited (a tmux server started so never
/// sees SIGCHLD, a ctxlab in its pane never sees SIGINT).
public enum ChildProcess {
    public struct Result: Sendable {
        public var stdout: String
        public var stderr: String
        /// The exit status; 128 + N when signal N ended the child (as a shell reports it).
        public var status: Int32
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs `executable` with `arguments` and `environment` (nil: this process's own), standard
    /// input from `input` (nil: /dev/null), and waits at most `timeout` seconds for it to exit
    /// and close its output; after that it is killed and `Failure` thrown.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
        input: String? = nil, timeout: TimeInterval = 60
    ) throws -> Result {
        _ = ignoreBrokenPipes
        let stdoutPipe = try makePipe(), stderrPipe = try makePipe()
        let stdinPipe = input == nil ? nil : try makePipe()
        // The parent's ends; `exchange` closes the input end when all of it is written.
        var inputEnd = stdinPipe?.write
        defer {
            close(stdoutPipe.read)
            close(stderrPipe.read)
            if let inputEnd { close(inputEnd) }
        }
        let pid: pid_t
        do {
            defer {
                close(stdoutPipe.write)
                close(stderrPipe.write)
                if let stdinPipe { close(stdinPipe.read) }
            }
            pid = try spawn(
                executable, arguments, environment: environment,
                stdin: stdinPipe?.read, stdout: stdoutPipe.write, stderr: stderrPipe.write)
        }
        let command = ([executable] + arguments).joined(separator: " ")
        let deadline = Date().addingTimeInterval(timeout)
        var output = [Int32: [UInt8]]()
        do {
            try exchange(
                input: Array((input ?? "").utf8), to: &inputEnd,
                from: [stdoutPipe.read, stderrPipe.read], into: &output, deadline: deadline)
        } catch {
            kill(pid, SIGKILL)
            _ = reap(pid, deadline: .distantFuture)
            throw Failure(description: "\(command): \(error) within \(timeout)s")
        }
        guard let status = reap(pid, deadline: deadline) else {
            kill(pid, SIGKILL)
            _ = reap(pid, deadline: .distantFuture)
            throw Failure(description: "\(command) did not exit within \(timeout)s")
        }
        return Result(
            stdout: String(decoding: output[stdoutPipe.read] ?? [], as: UTF8.self),
            stderr: String(decoding: output[stderrPipe.read] ?? [], as: UTF8.self),
            status: status)
    }

    // MARK: - The parts

    /// A child that exits before reading all its input must not end the test process by SIGPIPE:
    /// the write fails with EPIPE instead. (The child gets the default disposition back.)
    private static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    private static func makePipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [-1, -1]
        guard GlibcExtensions.pipe2(&ends, O_CLOEXEC) == 0 else {
            throw Failure(description: "pipe2: \(String(cString: strerror(errno)))")
        }
        return (ends[0], ends[1])
    }

    private static func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String]?,
        stdin: Int32?, stdout: Int32, stderr: Int32
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let stdin {
            posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        // Whatever else this process has open (pseudo-terminals of other tests, Foundation's
        // descriptors) stays out of the child.
        _ = GlibcExtensions.addCloseFrom(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let variables = environment ?? ProcessInfo.processInfo.environment
        let envp: [UnsafeMutablePointer<CChar>?] =
            variables.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let error = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard error == 0 else {
            throw Failure(description: "could not start \(executable): \(String(cString: strerror(error)))")
        }
        return pid
    }

    /// Writes `input` to `writer` (then closes it and sets it to nil) while reading every
    /// descriptor of `fds` to its end, with `poll`, so that neither side can block on a full pipe.
    private static func exchange(
        input: [UInt8], to writer: inout Int32?, from fds: [Int32], into output: inout [Int32: [UInt8]],
        deadline: Date
    ) throws {
        var open = Set(fds)
        var written = 0
        func finishInput() {
            if let fd = writer { close(fd) }
            writer = nil
        }
        if input.isEmpty { finishInput() }
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !open.isEmpty || writer != nil {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { throw Failure(description: "output not closed") }
            var polled = open.sorted().map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if let writer { polled.append(pollfd(fd: writer, events: Int16(POLLOUT), revents: 0)) }
            let ready = poll(&polled, nfds_t(polled.count), Int32(min(remaining * 1000, 1000)) + 1)
            if ready < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "poll: \(String(cString: strerror(errno)))")
            }
            for entry in polled where entry.revents != 0 {
                if entry.fd == writer {
                    let n = input[written...].withUnsafeBytes { write(entry.fd, $0.baseAddress, $0.count) }
                    if n > 0 { written += n }
                    if (n < 0 && errno != EINTR && errno != EAGAIN) || written == input.count { finishInput() }
                    continue
                }
                let n = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    output[entry.fd, default: []].append(contentsOf: buffer[0..<n])
                } else if n == 0 || errno != EINTR {
                    open.remove(entry.fd)
                }
            }
        }
    }

    /// The child's exit status once it has exited, or nil at the deadline.
    private static func reap(_ pid: pid_t, deadline: Date) -> Int32? {
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { return -1 }
            if Date() > deadline { return nil }
            usleep(1_000)
        }
        let signal = status & 0x7f
        return signal != 0 ? 128 + signal : (status >> 8) & 0xff
    }
}

/// Two glibc functions (2.34+) that Swift's Glibc module does not import, because they are
/// declared only under _GNU_SOURCE: looked up once by name.
private enum GlibcExtensions {
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    static let pipe2: Pipe2 = unsafeBitCast(symbol("pipe2"), to: Pipe2.self)
    static let addCloseFrom: AddCloseFrom = unsafeBitCast(
        symbol("posix_spawn_file_actions_addclosefrom_np"), to: AddCloseFrom.self)

    private static func symbol(_ name: String) -> UnsafeMutableRawPointer {
        guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else {
            fatalError("glibc has no \(name) (glibc 2.34 or later is needed)")
        }
        return address
    }
}
