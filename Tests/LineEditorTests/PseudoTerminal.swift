import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A pseudo-terminal for driving a `LineEditor` as a user would: the editor reads and writes
/// the slave side; `type(_:)` writes keystrokes to the master once the editor is in raw mode,
/// and everything the editor prints is collected from the master.
final class PseudoTerminal: @unchecked Sendable {
    let master: Int32
    let slave: Int32
    private let lock = NSLock()
    private var collected: [UInt8] = []
    private let collectorDone = DispatchSemaphore(value: 0)

    struct Unavailable: Error {}

    /// TIOCSPTLCK and TIOCGPTN (asm-generic ioctl numbers; function-like macros in C).
    private static let setLock: UInt = 0x4004_5431
    private static let getNumber: UInt = 0x8004_5430

    init() throws {
        // posix_openpt/ptsname are hidden from Swift's Glibc module; use the Linux ioctls.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, Self.setLock, &unlock) == 0,
            ioctl(master, Self.getNumber, &number) == 0
        else { throw Unavailable() }
        let name = "/dev/pts/\(number)"
        slave = open(name, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw Unavailable() }
        Thread.detachNewThread { [self] in collect() }
    }

    /// Closes both sides; call after the editor using `slave` is gone.
    func close() {
        _ = Glibc.close(slave)
        collectorDone.wait()
        _ = Glibc.close(master)
    }

    /// Everything the editor wrote so far, as text.
    var output: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: collected, as: UTF8.self)
    }

    /// Waits up to two seconds for the output to contain `text`; false if it never does.
    func waitForOutput(containing text: String) -> Bool {
        for _ in 0..<1000 {
            if output.contains(text) { return true }
            usleep(2_000)
        }
        return false
    }

    /// Types `keys` from another thread as soon as the editor has put the tty in raw mode.
    func type(_ keys: String) {
        Thread.detachNewThread { [self] in
            waitForRawMode()
            _ = keys.utf8CString.withUnsafeBufferPointer {
                write(master, $0.baseAddress, $0.count - 1)
            }
        }
    }

    private func waitForRawMode() {
        for _ in 0..<500 {
            var settings = termios()
            if tcgetattr(slave, &settings) == 0 && settings.c_lflag & tcflag_t(ICANON) == 0 {
                return
            }
            usleep(2_000)
        }
    }

    private func collect() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            lock.lock()
            collected += buffer[0..<count]
            lock.unlock()
        }
        collectorDone.signal()
    }
}
