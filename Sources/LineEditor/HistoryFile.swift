#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The history file format and its atomic load/save.
///
/// One entry per line after a header line. A multi-line entry stays one entry: inside an entry
/// `\` is written `\\` and a newline `\n`, so every physical line is exactly one entry.
/// Saving writes a temporary file in the same directory (mode 0600: history may hold secrets),
/// syncs it and renames it over the old file, so a crash never leaves a half-written history.
enum HistoryFile {
    static let header = "_ctxlab_history_v1_"

    /// The file contents for a list of entries, oldest first.
    static func encode(_ entries: [String]) -> String {
        ([header] + entries.map(escape)).map { $0 + "\n" }.joined()
    }

    /// The entries of a file's contents; a missing header is tolerated.
    static func decode(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.first == header { lines.removeFirst() }
        return lines.filter { !$0.isEmpty }.map(unescape)
    }

    static func escape(_ entry: String) -> String {
        var out = ""
        for character in entry {
            switch character {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r\n": out += "\\r\\n"
            case "\r": out += "\\r"
            default: out.append(character)
            }
        }
        return out
    }

    static func unescape(_ line: String) -> String {
        var out = ""
        var pendingBackslash = false
        for character in line {
            if pendingBackslash {
                pendingBackslash = false
                switch character {
                case "n": out += "\n"
                case "r": out += "\r"
                case "\\": out += "\\"
                default: out += "\\" + String(character)  // unknown escape: keep it as written
                }
            } else if character == "\\" {
                pendingBackslash = true
            } else {
                out.append(character)
            }
        }
        return pendingBackslash ? out + "\\" : out
    }
}

extension HistoryFile {
    /// The entries stored at `path`; empty when the file does not exist.
    static func load(from path: String) throws(LineEditorError) -> [String] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return [] }
            throw .historyRead(path: path, reason: LineEditorError.currentReason())
        }
        defer { close(fd) }
        guard let bytes = readAll(fd) else {
            throw .historyRead(path: path, reason: LineEditorError.currentReason())
        }
        return decode(String(decoding: bytes, as: UTF8.self))
    }

    /// Atomically replaces the file at `path`, creating its directories as needed.
    /// The temporary file is new (a random name, created exclusively, never through a symlink).
    static func save(_ entries: [String], to path: String,
                     temporarySuffix: String = ".tmp.\(getpid()).\(UInt32.random(in: 0...UInt32.max))") throws(LineEditorError) {
        try FileSystem.createDirectories(parentOf: path)
        let temporary = path + temporarySuffix
        do throws(LineEditorError) {
            try FileSystem.writeSynced(Array(encode(entries).utf8), to: temporary)
            guard rename(temporary, path) == 0 else {
                throw .historyWrite(path: path, reason: LineEditorError.currentReason())
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    private static func readAll(_ fd: Int32) -> [UInt8]? {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count == 0 { return result }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            result += chunk[0..<count]
        }
    }
}
