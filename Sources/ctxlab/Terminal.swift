import CtxLang
import CtxSession
import CtxView
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C while code runs: the handler only sets a flag, which the interpreter polls.
nonisolated(unsafe) var interruptPending: sig_atomic_t = 0

func installInterruptHandler() {
    signal(SIGINT) { _ in interruptPending = 1 }
}

/// The terminal's width in columns, if standard output is one.
func terminalColumns() -> Int? {
    var size = winsize()
    guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
}

func environment() -> [String: String] {
    var env: [String: String] = [:]
    var p = environ
    while let entry = p.pointee {
        let s = String(cString: entry)
        if let eq = s.firstIndex(of: "=") { env[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
        p += 1
    }
    return env
}

/// Real files for `:load`, `:save` and `:record`.
final class DiskFiles: SessionFiles {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func read(_ path: String) throws -> String {
        switch readFileBytes(path) {
        case .failure(let f): throw Failure(description: f.description)
        case .success(let bytes):
            switch SourceDecoding.decode(bytes, filename: path) {
            case .success(let text): return text
            case .failure(let e): throw Failure(description: e.message)
            }
        }
    }

    /// The entries of a directory (unsorted), for file-name completion; none when unreadable.
    func list(_ directory: String) -> [Completion.DirectoryEntry] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var entries: [Completion.DirectoryEntry] = []
        while let entry = readdir(dir), entries.count < 10_000 {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            var isDirectory = entry.pointee.d_type == DT_DIR
            if entry.pointee.d_type == DT_LNK || entry.pointee.d_type == DT_UNKNOWN {
                var st = stat()
                isDirectory = stat(directory + "/" + name, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
            }
            entries.append(Completion.DirectoryEntry(name: name, isDirectory: isDirectory))
        }
        return entries
    }

    /// Writes atomically: a new temporary file beside `path` (created exclusively and never
    /// through a symlink, so a planted link cannot redirect the write), then renamed over it.
    func write(_ path: String, _ text: String) throws {
        let tmp = path + ".tmp-ctxlab-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(description: String(cString: strerror(errno))) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            written += n
        }
        let ok = written == bytes.count && fsync(fd) == 0
        close(fd)
        guard ok, rename(tmp, path) == 0 else {
            unlink(tmp)
            throw Failure(description: String(cString: strerror(errno)))
        }
    }
}

/// How each kind of session output looks on a terminal.
struct OutputStyler {
    let style: Style

    func render(_ text: String, _ kind: OutputKind) -> String {
        switch kind {
        case .stdout, .view, .hint: return text
        case .stderr: return style.red(text)
        case .info: return style.cyan(text)
        }
    }
}
