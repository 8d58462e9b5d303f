import CtxCore
import CtxLang

/// Tab completion: names, attributes (`var.se` → `var.set`), keywords and meta-commands.
/// Completion never runs program code: attributes come from namespaces and known method tables.
public enum Completion {
    /// `keyword.kwlist` and the soft keywords rlcompleter also offers (`match`, `case`; `type`
    /// is a builtin name anyway).
    static let keywords = ["False", "None", "True", "and", "as", "assert", "async", "await", "break", "case", "class",
                           "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
                           "if", "import", "in", "is", "lambda", "match", "nonlocal", "not", "or", "pass", "raise",
                           "return", "try", "while", "with"]

    /// One entry of a directory listing, for file-name completion.
    public struct DirectoryEntry: Equatable, Sendable {
        public var name: String
        public var isDirectory: Bool
        public init(name: String, isDirectory: Bool) {
            self.name = name
            self.isDirectory = isDirectory
        }
    }

    /// Full replacement words for the word that ends `line` (the line up to the cursor).
    /// After `:load `, `:save ` and `:record ` the word is a file name, completed from
    /// `listDirectory` (the front end's file system; none means no file names).
    public static func candidates(
        for line: String, in session: Session, listDirectory: ((String) -> [DirectoryEntry])? = nil
    ) -> [String] {
        if let path = fileArgument(of: line) {
            return listDirectory.map { fileNames(completing: path, list: $0) } ?? []
        }
        if line.hasPrefix(":") && !line.contains(" ") {
            let word = String(line.dropFirst())
            return MetaCommand.allCases.map(\.rawValue).filter { $0.hasPrefix(word) }.map { ":" + $0 }
        }
        let word = String(line.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }.reversed())
        if let dot = word.lastIndex(of: ".") {
            let path = word[..<dot].split(separator: ".").map(String.init)
            let partial = String(word[word.index(after: dot)...])
            guard let object = session.lookup(path) else { return [] }
            let prefix = String(word[...dot])
            return session.interpreter.attributeNames(of: object)
                .filter { $0.hasPrefix(partial) && (partial.hasPrefix("_") || !$0.hasPrefix("_")) }
                .sorted().map { prefix + $0 }
        }
        var names = Set(keywords)
        names.formUnion(session.namespaceNames)
        names.formUnion(session.interpreter.builtinNames)
        return names.filter { $0.hasPrefix(word) && !$0.hasPrefix("__") }.sorted()
    }
}

extension Completion {
    /// The partial file name after a file-taking meta-command (`:lo x` counts: commands abbreviate).
    static func fileArgument(of line: String) -> String? {
        guard line.hasPrefix(":"), let space = line.firstIndex(of: " ") else { return nil }
        let word = String(line[line.index(after: line.startIndex)..<space])
        guard case .success(let command) = MetaCommand.resolve(word), [.load, .save, .record].contains(command) else { return nil }
        return String(line[line.index(after: space)...].drop { $0 == " " })
    }

    /// Paths that complete `partial`: the entries of its directory that start with its last
    /// component, directories with a trailing `/`; hidden ones only when asked for with a dot.
    static func fileNames(completing partial: String, list: (String) -> [DirectoryEntry]) -> [String] {
        let slash = partial.lastIndex(of: "/")
        let directory = slash.map { String(partial[...$0]) } ?? ""
        let stem = slash.map { String(partial[partial.index(after: $0)...]) } ?? partial
        return list(directory.isEmpty ? "." : directory)
            .filter { $0.name.hasPrefix(stem) && (stem.hasPrefix(".") || !$0.name.hasPrefix(".")) && $0.name != "." && $0.name != ".." }
            .map { directory + $0.name + ($0.isDirectory ? "/" : "") }
            .sorted()
    }
}

extension Session {
    var namespaceNames: [String] { namespace.order }

    /// The value at `a.b.c` without running code (modules, instances, classes and known objects).
    func lookup(_ path: [String]) -> Value? {
        guard let first = path.first, var v = namespace[first] ?? interpreter.builtinValue(first) else { return nil }
        for name in path.dropFirst() {
            guard let next = interpreter.staticAttribute(v, name) else { return nil }
            v = next
        }
        return v
    }
}
