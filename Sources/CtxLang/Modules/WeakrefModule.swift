import CtxCore

/// A weak reference (Objects/weakrefobject.c, `weakref.ReferenceType`): calling it gives the
/// object while something else keeps it alive, None after. ctxlab frees an object when its last
/// reference goes, as CPython's reference counting does, so a reference dies at the same moment
/// as in CPython (objects in reference cycles never die in ctxlab, which has no cycle collector).
public final class PyWeakRef: PyObject {
    weak var target: PyObject?
    /// hash(r): the referent's, computed once (a dead reference keeps it, as CPython's does).
    var cachedHash: Int?
    /// `__callback__`: called with the reference when the referent dies, if the reference
    /// is still alive then.
    let callback: Value?
    /// The interpreter, for dict keys (a reference hashes and compares as its referent).
    weak var host: Interpreter?
    init(runtime: Runtime, _ target: PyObject, callback: Value? = nil, host: Interpreter? = nil) {
        self.target = target
        self.callback = callback
        self.host = host
        super.init(runtime: runtime)
    }
    override public var typeName: String { "weakref.ReferenceType" }
    override public func repr() throws -> String {
        host?.weakrefRepr(self) ?? "<weakref at \(hexAddress)>"
    }
}

extension Interpreter {
    /// `_weakref`: `ref` with callbacks, `getweakrefcount`, `getweakrefs`, `ReferenceType`; Lib/weakref.py
    /// builds WeakValueDictionary, WeakKeyDictionary, WeakSet and finalize on it. Proxies are not
    /// supported by ctxlab.
    func makeWeakrefModule() -> PyModule {
        let m = PyModule(runtime: rt, name: "_weakref")
        let refType = classes.named("weakref.ReferenceType")
        m.namespace["ReferenceType"] = .object(refType)
        m.namespace["ref"] = function("ref") { [unowned self] a in
            try a.check(maxPositional: 2, minPositional: 1)
            guard let target = self.weaklyReferenceable(a.args[0]) else {
                throw self.rt.error(.TypeError, "cannot create weak reference to '\(self.typeName(a.args[0]))' object")
            }
            let callback = a.args.count > 1 && !a.args[1].isIdentical(.none) ? a.args[1] : nil
            return .object(self.weakReference(to: target, callback: callback))
        }
        m.namespace["getweakrefcount"] = function("getweakrefcount") { [unowned self] a in
            try a.exactly(1)
            guard let target = self.weaklyReferenceable(a.args[0]) else { return .int(0) }
            return .int(self.weakReferences(to: target).count)
        }
        m.namespace["getweakrefs"] = function("getweakrefs") { [unowned self] a in
            try a.exactly(1)
            guard let target = self.weaklyReferenceable(a.args[0]) else { return self.list([]) }
            return self.list(self.weakReferences(to: target).map { .object($0) })
        }
        return m
    }

    /// weakref___new__: a reference without a callback is the object's one basic reference,
    /// made once and shared while it lives; one with a callback is new, and registered so that
    /// the referent's death queues `callback(ref)` for the next instruction boundary (CPython
    /// calls it at the release itself; ctxlab's run loop polls right after the instruction that
    /// dropped the last reference).
    func weakReference(to target: PyObject, callback: Value?) -> PyWeakRef {
        let referents = target.weakReferents ?? WeakReferents()
        target.weakReferents = referents
        if callback == nil, let basic = referents.basic as? PyWeakRef { return basic }
        let ref = PyWeakRef(runtime: rt, target, callback: callback, host: self)
        if callback == nil {
            referents.basic = ref
            return ref
        }
        referents.entries.removeAll { $0.ref == nil }
        referents.entries.append(WeakReferents.Entry(ref: ref) { [weak self] dead in
            guard let self, let dead = dead as? PyWeakRef, let callback = dead.callback else { return }
            self.addFinalizer { [unowned self] in self.callWeakCallback(callback, dead) }
        })
        return ref
    }

    /// The live weak references to `target`: its basic one, then those with callbacks.
    func weakReferences(to target: PyObject) -> [PyWeakRef] {
        guard let referents = target.weakReferents else { return [] }
        var refs = (referents.basic as? PyWeakRef).map { [$0] } ?? []
        for entry in referents.entries { if let r = entry.ref as? PyWeakRef { refs.append(r) } }
        return refs
    }

    /// A callback that raises is reported as CPython's PyErr_WriteUnraisable reports it.
    func callWeakCallback(_ callback: Value, _ ref: PyWeakRef) {
        do {
            _ = try call(callback, [.object(ref)])
        } catch let e as PyException {
            let shown = (try? repr(callback)) ?? "<callback>"
            writeUnraisable(e, "Exception ignored while calling weakref callback \(shown):")
        } catch {}
    }
}

extension Interpreter {

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
