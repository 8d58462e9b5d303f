import CtxCore

/// A weak reference (Objects/weakrefobject.c, `weakref.ReferenceType`): calling it gives the
/// object while something else keeps it alive, None after. ctxlab frees an object when its last
/// reference goes, as CPython's reference counting does, so a reference dies at the same moment
/// as in CPython (objects in reference cycles never die in ctxlab, which has no cycle collector).
public final class PyWeakRef: PyObject {
    weak var target: PyObject?
    /// hash(r): the referent's, computed once (a dead reference keeps it, as CPython's does).
    var cachedHash: Int?
    init(runtime: Runtime, _ target: PyObject) {
        self.target = target
        super.init(runtime: runtime)
    }
    override public var typeName: String { "weakref.ReferenceType" }
}

extension Interpreter {
    /// `weakref`: `ref` (without callbacks), `getweakrefcount`/`getweakrefs` (what ctxlab can tell
    /// of them), `ReferenceType`; the rest of CPython's module (proxies, WeakKeyDictionary,
    /// WeakValueDictionary, WeakSet, finalize, WeakMethod) is not supported by ctxlab.
    func makeWeakrefModule() -> PyModule {
        let m = PyModule(runtime: rt, name: "weakref")
        let refType = classes.named("weakref.ReferenceType")
        m.namespace["ReferenceType"] = .object(refType)
        m.namespace["ref"] = function("ref") { [unowned self] a in
            try a.check(maxPositional: 2, minPositional: 1)
            if a.args.count > 1, !a.args[1].isIdentical(.none) {
                throw self.rt.error(.NotImplementedError, "weakref callbacks are not supported by ctxlab")
            }
            guard let target = self.weaklyReferenceable(a.args[0]) else {
                throw self.rt.error(.TypeError, "cannot create weak reference to '\(self.typeName(a.args[0]))' object")
            }
            return .object(PyWeakRef(runtime: self.rt, target))
        }
        m.namespace["getweakrefcount"] = function("getweakrefcount") { [unowned self] a in
            try a.exactly(1)
            _ = self.weaklyReferenceable(a.args[0])
            return .int(0)  // ctxlab keeps no list of an object's weak references
        }
        return m
    }

    /// The object when CPython's type of it supports weak references (`tp_weaklistoffset`):
    /// instances of classes with `__weakref__`, classes, functions and methods, modules,
    /// generators and coroutines, sets, contexts, threads and the native objects (locks, futures).
    func weaklyReferenceable(_ v: Value) -> PyObject? {
        guard case .object(let o) = v else { return nil }
        switch o {
        case let i as PyInstance:
            return i.cls.mro.contains { $0.layoutDescriptors.contains("__weakref__") } ? o : nil
        case is PyClass, is PyFunction, is PyBuiltin, is PyBoundMethod, is PyPartial, is PyModule,
             is PyCoroutine, is PyGenerator, is PyAsyncGenerator, is PySet, is Context, is PyThread,
             is NativeObject, is PyWeakRef:
            return o
        default:
            return nil
        }
    }

    /// `<weakref at 0x…; to 'A' at 0x…>` (weakref_repr), `… (name)>` when the object has a
    /// `__name__`, `<weakref at 0x…; dead>`.
    func weakrefRepr(_ w: PyWeakRef) -> String {
        guard let t = w.target else { return "<weakref at \(w.hexAddress); dead>" }
        let value = Value.object(t)
        var s = "<weakref at \(w.hexAddress); to '\(typeName(value).split(separator: ".").last.map(String.init) ?? "")' at \(t.hexAddress)"
        if case .str(let name)? = try? findAttribute(value, "__name__") { s += " (\(name))" }
        return s + ">"
    }
}
