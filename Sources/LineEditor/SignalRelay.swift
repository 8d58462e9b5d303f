import CEditLine

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The write end of the relay pipe, for the signal handler.
///
/// The one piece of global mutable state in LineEditor: a C signal handler cannot capture
/// context, so it finds the pipe here. Written once, before any handler is installed (inside
/// `SignalRelay.shared`'s one-time initialisation), and only read afterwards.
nonisolated(unsafe) private var relayWriteEnd: Int32 = -1

/// Carries SIGINT, SIGWINCH, SIGTSTP and the fatal SIGTERM, SIGHUP, SIGQUIT from a signal handler to the character reader.
///
/// The handler only writes the signal number, as one byte, to a pipe (async-signal-safe). The
/// reader polls the terminal and the pipe together, so a signal wakes it whichever thread the
/// kernel delivers it to, and a signal arriving just before the reader blocks is not lost.
/// Handlers are installed only while a line is read and the previous ones restored after,
/// so the REPL engine's own SIGINT handler is in charge while code runs.
struct SignalRelay: Sendable {
    /// A signal as the reader sees it.
    enum Event: Equatable {
        /// SIGINT: Ctrl-C.
        case interrupt
        /// SIGWINCH: the terminal changed size.
        case resize
        /// SIGTSTP: Ctrl-Z.
        case suspend
        /// SIGTERM, SIGHUP or SIGQUIT: the process is to end (after the terminal is restored).
        case terminate(Int32)

        init?(signal: Int32) {
            switch signal {
            case SIGINT: self = .interrupt
            case SIGWINCH: self = .resize
            case SIGTSTP: self = .suspend
            case SIGTERM, SIGHUP, SIGQUIT: self = .terminate(signal)
            default: return nil
            }
        }
    }

    /// The signals relayed while reading.
    static let signals: [Int32] = [SIGINT, SIGWINCH, SIGTSTP, SIGTERM, SIGHUP, SIGQUIT]

    /// The previous handlers, to be put back by `restore()`.
    struct Installation {
        fileprivate var previous = [SignalAction](repeating: SignalAction(), count: signals.count)

        /// Puts the previous handlers back.
        func restore() {
            for (signal, action) in zip(signals, previous) {
                var action = action
                ctxlab_signal_restore(signal, &action)
            }
        }
    }

    /// The pipe's read end, to poll.
    let readEnd: Int32

    /// The process-wide relay; nil if no pipe could be created (Ctrl-C then only works as EOF).
    static let shared: SignalRelay? = makeShared()

    private static func makeShared() -> SignalRelay? {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        relayWriteEnd = ends[1]
        return SignalRelay(readEnd: ends[0])
    }

    /// Installs the relaying handlers.
    func install() -> Installation {
        var installation = Installation()
        for (index, signal) in Self.signals.enumerated() {
            ctxlab_signal_install(signal, relayHandler, &installation.previous[index])
        }
        return installation
    }

    /// Reads and returns every signal relayed so far.
    func drain() -> [Event] {
        var events: [Event] = []
        var byte: UInt8 = 0
        while read(readEnd, &byte, 1) == 1 {
            if let event = Event(signal: Int32(byte)) { events.append(event) }
        }
        return events
    }

    /// Throws away relayed signals that arrived while no line was being read.
    func discardPending() {
        _ = drain()
    }
}

/// `struct sigaction`: spelled through an alias, because `sigaction` is also a function.
private typealias SignalAction = sigaction

/// The signal handler: the signal number into the pipe, errno preserved.
private let relayHandler: @convention(c) (Int32) -> Void = { signal in
    let savedErrno = errno
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(relayWriteEnd, &byte, 1)
    errno = savedErrno
}
