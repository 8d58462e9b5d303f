#if canImport(Glibc)
import Glibc
#endif

/// What the fuzzer leaves behind when a case kills the process.
///
/// Fatal signals (a Swift trap is SIGILL or SIGTRAP, a stack overflow SIGSEGV, an allocation
/// failure SIGABRT) are caught on an alternate stack, and one line goes to standard error before
/// the process dies by the same signal:
///
///     @ctxfuzz-crash signal=4 kind=trap case=123 fault=0x… skip=2 frames=e:0x1a2b,a:0x7f…,…
///
/// `e:` frames are offsets in the ctxlab executable (what `llvm-symbolizer --obj=ctxlab` takes),
/// `a:` frames are absolute addresses in other libraries, and `skip` counts the frames of the
/// handler itself. Swift's own backtracer prints no frames for SIGABRT (it cannot unwind
/// through libc), which is why the fuzzer unwinds for itself; with `chainToSwift` the Swift
/// backtracer still runs afterwards, for its `at /…/Sources/…` lines. A hang (no interrupt poll
/// for too long) gets the same line with `kind=hang`, written by the stuck thread itself
/// (the watchdog sends it SIGUSR2), then exit status 124; memory growing past the watchdog's
/// limit gets `kind=memory` and status 123.
public enum CrashGuard {
    public static let hangExitStatus: Int32 = 124
    public static let memoryExitStatus: Int32 = 123

    /// Why the watchdog stopped the worker.
    enum Stuck: Int {
        case hang, memory
    }
    static let fatalSignals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]

    /// Installs the handlers. Call once, before any case runs.
    public static func install(monitor: CaseMonitor, chainToSwift: Bool) {
        let state = CrashState(monitor: monitor, chainToSwift: chainToSwift)
        crashState = state
        for sig in fatalSignals + [SIGUSR2] {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = crashHandler
            action.sa_flags = SA_SIGINFO | SA_ONSTACK
            sigemptyset(&action.sa_mask)
            sigaction(sig, &action, &state.previous[Int(sig)])
        }
    }

    /// Gives the calling thread an alternate signal stack (a stack overflow can only be reported
    /// from one) and records its stack, to tell an overflow from other faults.
    public static func prepareThread(stackSize: Int) {
        let size = 1 << 20
        var stack = stack_t()
        stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        stack.ss_size = size
        stack.ss_flags = 0
        sigaltstack(&stack, nil)
        // A parent may have left these blocked (test runners do); a blocked SIGUSR2 would keep a
        // hang from being reported.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in fatalSignals + [SIGUSR2] { sigaddset(&unblock, sig) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        // The thread's stack is `stackSize` bytes below (about) here.
        var marker = 0
        let top = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        crashState?.stackLow = top - UInt(stackSize)
        crashState?.worker = pthread_self()
        crashState?.monitor.useClock(of: pthread_self())
    }

    /// Makes the worker thread report where it is stuck and end the process (watchdog side).
    static func reportStuck(_ why: Stuck) -> Never {
        let status = why == .hang ? hangExitStatus : memoryExitStatus
        if let state = crashState, let worker = state.worker {
            state.stuck = why
            pthread_kill(worker, SIGUSR2)
            sleep(3)  // the report should have ended the process by now
        }
        _exit(status)
    }
}

typealias BacktraceFunction = @convention(c) (UnsafeMutablePointer<UnsafeMutableRawPointer?>?, Int32) -> Int32

/// Everything the handler touches, allocated before any crash (a handler must not allocate).
final class CrashState: @unchecked Sendable {
    let monitor: CaseMonitor
    let chainToSwift: Bool
    var previous: [sigaction] = Array(repeating: sigaction.init(), count: 65)
    let frames = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: 256)
    let line = UnsafeMutablePointer<UInt8>.allocate(capacity: 16_384)
    let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 32)
    var length = 0
    let backtrace: BacktraceFunction?
    /// The ctxlab executable's mappings.
    var executable: (low: UInt, high: UInt) = (0, 0)
    var stackLow: UInt = 0
    var worker: pthread_t?
    var stuck = CrashGuard.Stuck.hang

    init(monitor: CaseMonitor, chainToSwift: Bool) {
        self.monitor = monitor
        self.chainToSwift = chainToSwift
        backtrace = dlsym(nil, "backtrace").map { unsafeBitCast($0, to: BacktraceFunction.self) }
        _ = backtrace?(frames, 256)  // loads the unwinder now, not in the handler
        executable = Self.executableRange()
    }

    /// From /proc/self/maps: the lowest and highest address mapped from /proc/self/exe.
    static func executableRange() -> (UInt, UInt) {
        var path = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &path, path.count - 1)
        guard n > 0, let maps = fopen("/proc/self/maps", "r") else { return (0, 0) }
        defer { fclose(maps) }
        let exe = String(decoding: path[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var low = UInt.max, high: UInt = 0
        var buffer = [CChar](repeating: 0, count: 8192)
        while fgets(&buffer, Int32(buffer.count), maps) != nil {
            let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            guard text.hasSuffix(exe + "\n") || text.hasSuffix(exe) else { continue }
            let range = text.prefix { $0 != " " }.split(separator: "-")
            guard range.count == 2, let a = UInt(range[0], radix: 16), let b = UInt(range[1], radix: 16) else { continue }
            low = min(low, a)
            high = max(high, b)
        }
        return low < high ? (low, high) : (0, 0)
    }

    func append(_ s: StaticString) {
        s.withUTF8Buffer { for b in $0 where length < 16_000 { line[length] = b; length += 1 } }
    }

    func appendDecimal(_ v: Int) {
        if v < 0 { append("-") }
        var m = v.magnitude
        var count = 0
        repeat {
            scratch[count] = UInt8(48 + m % 10)
            m /= 10
            count += 1
        } while m > 0
        while count > 0 && length < 16_000 {
            count -= 1
            line[length] = scratch[count]
            length += 1
        }
    }

    func appendHex(_ v: UInt) {
        append("0x")
        var started = false
        for shift in stride(from: 60, through: 0, by: -4) {
            let nibble = Int((v >> UInt(shift)) & 0xF)
            if nibble == 0 && !started && shift > 0 { continue }
            started = true
            if length < 16_000 {
                line[length] = UInt8(nibble < 10 ? 48 + nibble : 87 + nibble)
                length += 1
            }
        }
    }

    /// The interrupted PC and the return addresses up the RBP chain, into `frames` (x86-64:
    /// `gregs[16]` is RIP, `gregs[10]` is RBP).
    func walkFramePointers(_ context: UnsafeMutableRawPointer) -> Int {
        let mcontext = context.assumingMemoryBound(to: ucontext_t.self).pointee.uc_mcontext
        let (rip, rbp) = withUnsafeBytes(of: mcontext.gregs) { g in
            (UInt(bitPattern: Int(g.load(fromByteOffset: 16 * 8, as: Int64.self))),
             UInt(bitPattern: Int(g.load(fromByteOffset: 10 * 8, as: Int64.self))))
        }
        let high = stackLow &+ UInt(1 << 30) &+ (1 << 20)
        var count = 0
        frames[count] = UnsafeMutableRawPointer(bitPattern: rip)
        count += 1
        var fp = rbp
        while count < 256 && fp >= stackLow && fp < high && fp & 7 == 0 {
            let slot = UnsafePointer<UInt>(bitPattern: fp)!
            let next = slot[0], ret = slot[1]
            if ret == 0 { break }
            frames[count] = UnsafeMutableRawPointer(bitPattern: ret)
            count += 1
            if next <= fp { break }
            fp = next
        }
        return count
    }

    /// Writes the report line for signal `sig`.
    func report(_ sig: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
        length = 0
        append("\n@ctxfuzz-crash signal=")
        appendDecimal(Int(sig))
        let fault = UInt(bitPattern: info?.pointee._sifields._sigfault.si_addr)
        append(" kind=")
        switch sig {
        case SIGUSR2: stuck == .hang ? append("hang") : append("memory")
        case SIGABRT: append("abort")
        case SIGSEGV, SIGBUS:
            // The guard page sits just below the stack; an overflow faults there or a little under.
            if stackLow != 0 && fault < stackLow + (64 << 10) && fault + (16 << 20) > stackLow {
                append("stack-overflow")
            } else {
                append("segfault")
            }
        default: append("trap")
        }
        append(" case=")
        appendDecimal(monitor.caseNumber.load(ordering: .relaxed))
        append(" fault=")
        appendHex(fault)
        var n = Int(backtrace?(frames, 256) ?? 0)
        // The handler's own frames end at the first frame outside the executable (libc's
        // signal trampoline).
        var skip = 0
        while skip < n && isExecutable(frames[skip]) { skip += 1 }
        skip = min(n, skip + 1)
        var found = 0
        for i in skip..<max(skip, n) where isExecutable(frames[i]) { found += 1 }
        if found < 3, let context {
            // The unwinder stopped in code without unwind tables (libc's string functions):
            // walk the frame pointers from the interrupted registers instead.
            n = walkFramePointers(context)
            skip = 0
        }
        append(" skip=")
        appendDecimal(skip)
        append(" frames=")
        for i in 0..<n {
            if i > 0 { append(",") }
            let address = UInt(bitPattern: frames[i])
            if isExecutable(frames[i]) {
                append("e:")
                appendHex(address - executable.low)
            } else {
                append("a:")
                appendHex(address)
            }
        }
        append("\n")
        var written = 0
        while written < length {
            let w = write(2, line + written, length - written)
            if w <= 0 { break }
            written += w
        }
    }

    func isExecutable(_ p: UnsafeMutableRawPointer?) -> Bool {
        let a = UInt(bitPattern: p)
        return a >= executable.low && a < executable.high
    }
}

nonisolated(unsafe) var crashState: CrashState?

private func crashHandler(_ sig: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    guard let state = crashState else { return }
    state.report(sig, info, context)
    if sig == SIGUSR2 { _exit(state.stuck == .hang ? CrashGuard.hangExitStatus : CrashGuard.memoryExitStatus) }
    if state.chainToSwift, let previous = state.previous[Int(sig)].__sigaction_handler.sa_sigaction,
       state.previous[Int(sig)].sa_flags & SA_SIGINFO != 0 {
        previous(sig, info, context)
    }
    signal(sig, SIG_DFL)
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, sig)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    raise(sig)
}
