import CtxLang
#if canImport(Glibc)
import Glibc
#endif

/// The process's resident size, read from `/proc/self/statm` (kept open: a read is one pread).
/// The fuzzer's monitor and watchdog use it, and the ctxlab command installs it as the
/// interpreter's resident-memory probe (`Interpreter.residentMemory`).
public final class ResidentMemory: Sendable {
    private let statm: Int32
    private let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    public init() {
        statm = open("/proc/self/statm", O_RDONLY | O_CLOEXEC)
    }

    /// Resident bytes (0 when unknown).
    public func bytes() -> Int {
        guard statm >= 0 else { return 0 }
        var buffer = (0 as UInt64, 0 as UInt64, 0 as UInt64, 0 as UInt64, 0 as UInt64, 0 as UInt64, 0 as UInt64, 0 as UInt64)
        let text: String = withUnsafeMutableBytes(of: &buffer) { raw in
            let n = pread(statm, raw.baseAddress, raw.count, 0)
            return n > 0 ? String(decoding: raw.prefix(n), as: UTF8.self) : ""
        }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * pageSize
    }

    /// The memory the process may have: the machine's, or less when its cgroup (a container)
    /// has a limit (`memory.max`); 0 when unknown.
    public static var availableBytes: Int {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), size = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, size > 0 else { return 0 }
        let (machine, overflow) = pages.multipliedReportingOverflow(by: size)
        var bytes = overflow ? Int.max : machine
        let fd = open("/sys/fs/cgroup/memory.max", O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = read(fd, &buffer, buffer.count)
            close(fd)
            if n > 0, let limit = Int(String(decoding: buffer.prefix(n), as: UTF8.self).trimmingWhitespace), limit > 0 {
                bytes = min(bytes, limit)
            }
        }
        return bytes
    }
}
