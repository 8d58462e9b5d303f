import CtxCore

/// A function's `__code__`, `__defaults__` and `__kwdefaults__` (Objects/codeobject.c,
/// Objects/funcobject.c): what `inspect` reads a function's kind and signature from.
extension Interpreter {
    /// CPython's `co_flags` bits (Include/cpython/code.h).
    static let codeFlags = (optimized: 0x1, newLocals: 0x2, varArgs: 0x4, varKeywords: 0x8, nested: 0x10,
                            generator: 0x20, coroutine: 0x80, asyncGenerator: 0x200)

    /// `co_flags` of a function's code, as CPython's compiler sets them.
    func codeFlags(_ code: CodeObject) -> Int {
        let f = Self.codeFlags
        var flags = f.optimized | f.newLocals
        if code.hasVarArgs { flags |= f.varArgs }
        if code.hasVarKeywords { flags |= f.varKeywords }
        if code.qualname.contains("<locals>") { flags |= f.nested }
        switch (code.isAsync, code.isGenerator) {
        case (true, true): flags |= f.asyncGenerator
        case (true, false): flags |= f.coroutine
        case (false, true): flags |= f.generator
        case (false, false): break
        }
        return flags
    }

    /// `f.__code__`: a code object with the attributes `inspect` and decorators read.
    func codeObject(_ f: PyFunction) -> Value {
        let code = f.code
        let o = NativeObject(runtime: rt, cls: classes.named("code"))
        let strings = { (names: [String]) in self.tuple(names.map { .str($0) }) }
        o.attributes = [
            "co_name": .str(f.code.name), "co_qualname": .str(code.qualname), "co_filename": .str(code.filename),
            "co_firstlineno": .int(code.firstLine), "co_flags": .int(codeFlags(code)),
            "co_argcount": .int(code.argCount), "co_posonlyargcount": .int(code.posOnlyCount),
            "co_kwonlyargcount": .int(code.kwOnlyCount), "co_nlocals": .int(code.varnames.count),
            "co_varnames": strings(code.varnames), "co_cellvars": strings(code.cellvars),
            "co_freevars": strings(code.freevars),
        ]
        o.reprBody = { "<code object \(code.name) at \(o.hexAddress), file \"\(code.filename)\", line \(code.firstLine)>" }
        return .object(o)
    }

    /// `f.__defaults__` (a tuple or None) and `f.__kwdefaults__` (a dict in parameter order, or None).
    func functionDefaults(_ f: PyFunction, _ name: String) -> Value {
        if name == "__defaults__" { return f.defaults.isEmpty ? .none : tuple(f.defaults) }
        let kwOnly = f.code.varnames.dropFirst(f.code.argCount).prefix(f.code.kwOnlyCount)
        let present = kwOnly.filter { f.kwDefaults[$0] != nil }
        if present.isEmpty { return .none }
        let d = PyDict(runtime: rt)
        for n in present { d.storage[HashKey(str: n)] = f.kwDefaults[n] }
        return .object(d)
    }
}
