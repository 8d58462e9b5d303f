import CtxCore
import CtxFuzz
import CtxLang
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The largest file or standard input ctxlab reads (sources, transcripts): a bigger one, or a
/// device that never ends (/dev/zero), gets one clear line instead of eating the memory.
let maximumInputBytes = 16 << 20

/// Why a file could not be read, as one line for the user.
struct ReadFailure: Error, CustomStringConvertible {
    var description: String
}

/// Reads a whole regular file, at most `maximumInputBytes`.
func readFileBytes(_ path: String) -> Result<[UInt8], ReadFailure> {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    // OSError's words: `[Errno 2] No such file or directory`, as CPython's can't-open message.
    guard fd >= 0 else { return .failure(ReadFailure(description: "[Errno \(errno)] " + String(cString: strerror(errno)))) }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { return .failure(ReadFailure(description: String(cString: strerror(errno)))) }
    switch st.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: return .failure(ReadFailure(description: "is a directory"))
    default: return .failure(ReadFailure(description: "not a regular file (a device, FIFO or socket)"))
    }
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    return readBounded(fd, what: "the file")
}

/// Reads a descriptor to its end, failing past `maximumInputBytes`.
func readBounded(_ fd: Int32, what: String) -> Result<[UInt8], ReadFailure> {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n == 0 { return .success(bytes) }
        if n < 0 {
            if errno == EINTR { continue }
            return .failure(ReadFailure(description: String(cString: strerror(errno))))
        }
        bytes += chunk[0..<n]
        if bytes.count > maximumInputBytes {
            return .failure(ReadFailure(description: "\(what) is larger than \(maximumInputBytes >> 20) MiB, the most ctxlab reads"))
        }
    }
}

/// Reads a whole file as UTF-8 text (invalid sequences replaced); the reason when it cannot.
func readText(_ path: String) -> Result<String, ReadFailure> {
    readFileBytes(path).map { String(decoding: $0, as: UTF8.self) }
}

/// Reads a whole file as UTF-8 text; nil when it cannot be read.
func readTextFile(_ path: String) -> String? {
    try? readText(path).get()
}

/// Standard input as text, at most `maximumInputBytes`.
func readStandardInput() -> Result<[UInt8], ReadFailure> {
    readBounded(0, what: "standard input")
}

/// A Python source file (or `-`): its text as CPython would decode it, or the line to print
/// (exit status 2 for a file that cannot be read, 1 for one that is not UTF-8, as CPython).
struct SourceFailure: Error {
    var message: String
    var status: Int32
}

func readPythonSource(_ path: String) -> Result<(text: String, filename: String), SourceFailure> {
    // CPython 3.9+ makes the script's path absolute (the cwd joined, not normalised): its
    // __file__, its tracebacks' File lines and the can't-open message show it so.
    let filename = path == "-" ? "<stdin>" : absolutePath(path)
    let bytes: [UInt8]
    switch path == "-" ? readStandardInput() : readFileBytes(path) {
    case .success(let b): bytes = b
    case .failure(let f): return .failure(SourceFailure(message: "ctxlab: can't open file '\(filename)': \(f)", status: 2))
    }
    switch SourceDecoding.decode(bytes, filename: filename) {
    case .success(let text): return .success((text, filename))
    case .failure(let e): return .failure(SourceFailure(message: e.message, status: 1))
    }
}

/// `path` joined to the working directory unless it is absolute (CPython's `os.path.join(cwd,
/// path)` for the script: `./x.py` stays `/cwd/./x.py`).
func absolutePath(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    let cwd = FileManager.default.currentDirectoryPath
    return cwd.hasSuffix("/") ? cwd + path : cwd + "/" + path
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

/// `CTXLAB_MEMORY_LIMIT`: bytes, or a number with a K, M or G suffix (powers of 1024).
/// MemoryError when the process has grown past CTXLAB_MEMORY_LIMIT, or past three quarters of
/// the memory it may have (the machine's, or its container's) without it, before the machine runs out (`Interpreter.residentMemory`).
func installResidentMemoryLimit() {
    let resident = ResidentMemory()
    let machine = ResidentMemory.availableBytes
    let limit = memoryLimitFromEnvironment() ?? (machine > 0 ? machine / 4 * 3 : 16 << 30)
    Interpreter.residentMemory = (bytes: resident.bytes, limit: limit)
}

func memoryLimitFromEnvironment() -> Int? {
    guard let text = environment()["CTXLAB_MEMORY_LIMIT"]?.trimmingWhitespace.uppercased(), !text.isEmpty else { return nil }
    let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
    let (digits, unit) = units[text.last!].map { (String(text.dropLast()), $0) } ?? (text, 1)
    guard let n = Int(digits), n > 0 else { return nil }
    let (bytes, overflow) = n.multipliedReportingOverflow(by: unit)
    return overflow ? Int.max : bytes
}

/// Runs a program with the runtime wired to the process's standard streams; returns the status.
func runProgram(_ source: String, filename: String, seed: UInt64?, arguments: [String] = [], scriptArgument: String? = nil) -> Int32 {
    let streams = StandardStreams()
    let rt = Runtime()
    rt.write = { text, err in streams.write(text, stderr: err) }
    let interpreter = Interpreter(runtime: rt, seed: seed)
    interpreter.programArguments = arguments
    interpreter.scriptArgument = scriptArgument
    if let limit = memoryLimitFromEnvironment() { interpreter.memoryLimit = limit }
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
