#if canImport(Glibc)
    import Glibc
#endif

/// A fresh directory under /tmp, removed (with its contents) when the value is released.
final class TemporaryDirectory {
    let path: String

    struct CreationFailed: Error {}

    init() throws {
        var template = Array("/tmp/ctxlab-lineeditor-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw CreationFailed() }
        path = String(cString: made)
    }

    deinit {
        Self.remove(path)
    }

    /// The names in a subdirectory, sorted.
    func listing(of relative: String) -> [String] {
        Self.names(in: path + "/" + relative)
    }

    private static func remove(_ path: String) {
        for name in names(in: path) { remove(path + "/" + name) }
        if unlink(path) != 0 { rmdir(path) }
    }

    private static func names(in directory: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
