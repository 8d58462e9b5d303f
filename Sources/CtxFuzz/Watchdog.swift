#if canImport(Glibc)
import Glibc
#endif

/// A small file that always says which case is running: rewritten in place before every case
/// (`run 123`), so that whoever started the process can read it after the process died, however
/// it died (a write reaches the kernel at once; it survives the process).
public final class ProgressFile: @unchecked Sendable {
    let fd: Int32

    public init?(path: String) {
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { return nil }
    }

    /// Replaces the record (fixed width, so a shorter one leaves nothing of the longer behind).
    public func record(_ text: String) {
        var bytes = Array((text + "\n").utf8.prefix(63))
        bytes += [UInt8](repeating: 0x20, count: 64 - bytes.count)
        _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, 64, 0) }
    }
}

/// Watches the running case from its own thread (times are the worker's CPU time, see
/// `CaseMonitor`). A case that has not polled for interrupts for `hangSeconds` is a hang Ctrl-C
/// could not end: the stuck thread reports where it is and the
/// process ends with status 124. A case that keeps polling but outlives `runawaySeconds` (its
/// program catches the KeyboardInterrupt and goes on) ends the process with status 125: not a
/// crash, but nothing more can be done with it in this process.
public final class Watchdog: @unchecked Sendable {
    public static let runawayExitStatus: Int32 = 125
    let monitor: CaseMonitor
    let hangNanos: Int
    let runawayNanos: Int
    let memoryLimit: Int
    let progress: ProgressFile?

    /// `memoryMB`: a process this big while its case does not poll is growing without end where
    /// Ctrl-C cannot stop it; the stuck thread reports where (status 123).
    public init(monitor: CaseMonitor, hangSeconds: Double, runawaySeconds: Double, memoryMB: Int, progress: ProgressFile?) {
        self.monitor = monitor
        hangNanos = Int(hangSeconds * 1e9)
        runawayNanos = Int(runawaySeconds * 1e9)
        memoryLimit = memoryMB << 20
        self.progress = progress
    }

    public func start() {
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        pthread_create(&thread, nil, { raw in
            Unmanaged<Watchdog>.fromOpaque(raw!).takeRetainedValue().watch()
            return nil
        }, context)
        pthread_detach(thread)
    }

    private func watch() -> Never {
        while true {
            usleep(50_000)
            guard let (number, running, silent) = monitor.state() else { continue }
            if silent > hangNanos {
                progress?.record("hang \(number)")
                CrashGuard.reportStuck(.hang)
            }
            if memoryLimit > 0 && monitor.residentBytes() > memoryLimit {
                progress?.record("memory \(number)")
                CrashGuard.reportStuck(.memory)
            }
            // Only a case that is still polling is a runaway: one that is not is on its way
            // to being a hang.
            if running > runawayNanos && silent < min(hangNanos, 500_000_000) {
                progress?.record("runaway \(number)")
                _exit(Self.runawayExitStatus)
            }
        }
    }
}

/// Runs `body` on a thread with a 1 GiB stack and an alternate signal stack, and waits for it:
/// the same stack ctxlab's commands run programs on.
public func runOnFuzzStack(_ body: @escaping () -> Void) {
    final class Box: @unchecked Sendable {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }
    var attr = pthread_attr_t()
    pthread_attr_init(&attr)
    pthread_attr_setstacksize(&attr, 1 << 30)
    var thread = pthread_t()
    let context = Unmanaged.passRetained(Box(body)).toOpaque()
    pthread_create(&thread, &attr, { raw in
        let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
        CrashGuard.prepareThread(stackSize: 1 << 30)
        box.body()
        return nil
    }, context)
    pthread_join(thread, nil)
}
