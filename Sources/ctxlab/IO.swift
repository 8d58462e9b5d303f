import CtxCore
import CtxLang
#if canImport(Glibc)
import Glibc
#endif

/// Reads a whole file as UTF-8 text; nil when it cannot be read.
func readTextFile(_ path: String) -> String? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buffer, 1, buffer.count, f)
        if n > 0 { bytes += buffer[0..<n] }
        if n < buffer.count { break }
    }
    if ferror(f) != 0 { return nil }
    return String(decoding: bytes, as: UTF8.self)
}

func printError(_ s: String) {
    writeAll(2, Array((s + "\n").utf8))
}

/// Writes every byte to a file descriptor.
func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
        let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        if n <= 0 { return }
        offset += n
    }
}

/// Standard output is buffered; standard error is written at once, after flushing standard
/// output, so that the two interleave as the program wrote them.
final class StandardStreams {
    private var buffer: [UInt8] = []

    func write(_ text: String, stderr toStderr: Bool) {
        if toStderr {
            flush()
            writeAll(2, Array(text.utf8))
        } else {
            buffer += text.utf8
            if buffer.count >= 1 << 16 { flush() }
        }
    }

    func flush() {
        writeAll(1, buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Runs a program with the runtime wired to the process's standard streams; returns the status.
func runProgram(_ source: String, filename: String, seed: UInt64?) -> Int32 {
    let streams = StandardStreams()
    let rt = Runtime()
    rt.write = { text, err in streams.write(text, stderr: err) }
    let interpreter = Interpreter(runtime: rt, seed: seed)
    let outcome = onLargeStack { Program.run(source, filename: filename, interpreter: interpreter) }
    streams.flush()
    return outcome.exitStatus
}

/// Runs `body` on a thread with a 1 GiB stack: nested Python calls through built-ins recurse in
/// Swift, and the recursion limit must be what stops them, not the OS stack.
func onLargeStack<T>(_ body: @escaping () -> T) -> T {
    var result: T?
    let box = Box()
    box.body = { result = body() }
    var attr = pthread_attr_t()
    pthread_attr_init(&attr)
    pthread_attr_setstacksize(&attr, 1 << 30)
    var thread = pthread_t()
    let ctx = Unmanaged.passRetained(box).toOpaque()
    pthread_create(&thread, &attr, { raw in
        let b = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
        b.body?()
        return nil
    }, ctx)
    pthread_join(thread, nil)
    return result!
}

private final class Box: @unchecked Sendable {
    var body: (() -> Void)?
}
