#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few POSIX file operations the history needs, with errors as `LineEditorError`.
enum FileSystem {
    /// `mkdir -p` of the directory containing `path` (mode 0700, as XDG asks for state).
    static func createDirectories(parentOf path: String) throws(LineEditorError) {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        let directory = String(path[..<slash])
        var prefix = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") where component != "." {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                throw .historyDirectory(path: prefix, reason: LineEditorError.currentReason())
            }
        }
    }

    /// Writes `bytes` to a new file at `path` (mode 0600) and fsyncs it. The file must not exist
    /// yet and is never opened through a symlink (O_EXCL | O_NOFOLLOW).
    static func writeSynced(_ bytes: [UInt8], to path: String) throws(LineEditorError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw .historyWrite(path: path, reason: LineEditorError.currentReason())
        }
        var failure: String? = nil
        if !writeAll(bytes, to: fd) || fsync(fd) != 0 { failure = LineEditorError.currentReason() }
        if close(fd) != 0 && failure == nil { failure = LineEditorError.currentReason() }
        if let failure { throw .historyWrite(path: path, reason: failure) }
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += count
        }
        return true
    }
}
