import CtxCore
import CtxLang

/// Tab completion: names, attributes (`var.se` → `var.set`), keywords and meta-commands.
/// Completion never runs program code: attributes come from namespaces and known method tables.
public enum Completion {
    static let keywords = ["False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
                           "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
                           "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
                           "return", "try", "while", "with"]

    /// Full replacement words for the word that ends `line` (the line up to the cursor).
    public static func candidates(for line: String, in session: Session) -> [String] {
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
