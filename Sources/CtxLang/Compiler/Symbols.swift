/// Scope analysis (CPython: Python/symtable.c, much simplified): which names of a function are
/// locals, globals, or free variables captured from an enclosing function, and which locals must
/// live in cells because an inner function captures them.
final class Scope {
    enum Kind { case module, function, classBody }
    let kind: Kind
    let parent: Scope?
    var assigned: Set<String> = []
    var used: Set<String> = []
    var declaredGlobal: Set<String> = []
    var declaredNonlocal: Set<String> = []
    var params: [String] = []
    var children: [Scope] = []
    /// Locals captured by an inner scope.
    var cells: Set<String> = []
    /// Names this scope reads from an enclosing function.
    var frees: Set<String> = []
    var hasYield = false, hasAwait = false
    /// A list, set or dict comprehension directly inside awaits (it is asynchronous): this scope
    /// awaits its result.
    var hasAsyncComprehension = false
    /// A comprehension scope that must be a coroutine (or an async generator expression).
    var isAsyncComprehension: Bool { hasAwait || hasAsyncComprehension }

    init(kind: Kind, parent: Scope?) {
        self.kind = kind
        self.parent = parent
        parent?.children.append(self)
    }

    func isLocal(_ name: String) -> Bool {
        kind == .function && (assigned.contains(name) || params.contains(name))
            && !declaredGlobal.contains(name) && !declaredNonlocal.contains(name)
    }

    /// After collection: resolve every free name to the nearest enclosing function that binds it.
    func resolve() {
        for c in children { c.resolve() }
        guard kind != .module else { return }
        let wanted = used.union(declaredNonlocal).union(children.reduce(into: Set<String>()) { $0.formUnion($1.frees) })
        for name in wanted where !isLocal(name) && !declaredGlobal.contains(name) {
            if kind == .classBody && !declaredNonlocal.contains(name) && assigned.contains(name) { continue }
            var s = parent
            while let p = s {
                if p.kind == .function && p.isLocal(name) {
                    p.cells.insert(name)
                    frees.insert(name)
                    markPassThrough(name, upTo: p)
                    break
                }
                if p.kind == .function && p.declaredGlobal.contains(name) { break }
                s = p.parent
            }
        }
    }

    /// Scopes between this one and the owner also carry the name as free.
    private func markPassThrough(_ name: String, upTo owner: Scope) {
        var s = parent
        while let p = s, p !== owner {
            p.frees.insert(name)
            s = p.parent
        }
    }

    enum Access { case fast, deref, global, name }

    /// How code in this scope reaches `name`.
    func access(_ name: String) -> Access {
        switch kind {
        case .module: return .name
        case .classBody:
            if declaredGlobal.contains(name) { return .global }
            if frees.contains(name) && !assigned.contains(name) { return .deref }
            return .name
        case .function:
            if declaredGlobal.contains(name) { return .global }
            if cells.contains(name) || frees.contains(name) { return .deref }
            if isLocal(name) { return .fast }
            return .global
        }
    }
}
