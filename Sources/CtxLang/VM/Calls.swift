import CtxCore

/// The result of preparing a call: a value already computed (built-ins, coroutine creation) or a
/// frame for the run loop to push.
enum CallTarget {
    case value(Value)
    case frame(Frame)
}

extension Interpreter {
    func prepareCall(_ callable: Value, _ args: [Value], _ kwargs: [(String, Value)]) throws -> CallTarget {
        guard case .object(let o) = callable else {
            throw rt.error(.TypeError, "'\(typeName(callable))' object is not callable")
        }
        switch o {
        case let fn as PyFunction: return try callFunction(fn, args, kwargs)
        case let b as PyBuiltin: return .value(try b.body(args, kwargs))
        case let m as PyBoundMethod: return try prepareCall(m.function, [m.receiver] + args, kwargs)
        case let c as PyClass where c === classes.genericAlias:
            // `types.GenericAlias(origin, args)` (`ga_new`).
            guard kwargs.isEmpty else { throw rt.error(.TypeError, "GenericAlias() takes no keyword arguments") }
            guard args.count == 2 else { throw rt.error(.TypeError, "GenericAlias expected 2 arguments, got \(args.count)") }
            return .value(.object(PyGenericAlias(runtime: rt, origin: args[0], args: aliasArguments(args[1]))))
        case let c as PyClass: return try instantiate(c, args, kwargs)
        case let p as PyPartial: return try prepareCall(p.function, p.args + args, p.kwargs + kwargs)
        case let g as PyGenericAlias:
            // `ga_call`: the class's instance, told which alias made it where it takes attributes.
            let made = try call(g.origin, args, kwargs)
            if made.asObject is PyInstance { try? setAttribute(made, "__orig_class__", callable) }
            return .value(made)
        case let d as PyDescriptor where d.kind == .staticMethod: return try prepareCall(d.function, args, kwargs)
        case let w as PyWeakRef:
            if !args.isEmpty || !kwargs.isEmpty { throw rt.error(.TypeError, "weakref() takes no arguments") }
            return .value(w.target.map { .object($0) } ?? .none)
        case let i as PyInstance:
            guard let method = slotMethod(i.cls.lookup("__call__")) else { break }
            return try prepareCall(method, [callable] + args, kwargs)
        default: break
        }
        throw rt.error(.TypeError, "'\(typeName(callable))' object is not callable")
    }

    /// A Python function call: bind the arguments; an `async def` makes a coroutine object and a
    /// generator function a generator, without running any of the body.
    func callFunction(_ fn: PyFunction, _ args: [Value], _ kwargs: [(String, Value)]) throws -> CallTarget {
        let code = fn.code
        var locals = try bindArguments(fn, args, kwargs)
        var cells = code.cellvars.map { name -> PyCell in
            let i = code.varnames.firstIndex(of: name)
            let cell = PyCell(runtime: rt, i.flatMap { locals[$0] })
            return cell
        }
        cells += fn.closure
        if locals.count < code.varnames.count { locals += Array(repeating: nil, count: code.varnames.count - locals.count) }
        let frame = Frame(code: code, globals: fn.globals, namespace: nil, locals: locals, cells: cells)
        if code.isAsync && code.isGenerator {
            return .value(.object(PyAsyncGenerator(interpreter: self, frame: frame, name: fn.name, qualname: fn.qualname)))
        }
        if code.isAsync {
            let coroutine = PyCoroutine(interpreter: self, frame: frame, name: fn.name, qualname: fn.qualname)
            rt.emit(.coroutineCreated(name: fn.qualname, address: coroutine.address, in: rt.currentThread.context))
            return .value(.object(coroutine))
        }
        if code.isGenerator {
            return .value(.object(PyGenerator(interpreter: self, frame: frame, qualname: fn.qualname)))
        }
        return .frame(frame)
    }

    /// CPython's argument binding with its exact error messages.
    func bindArguments(_ fn: PyFunction, _ args: [Value], _ kwargs: [(String, Value)]) throws -> [Value?] {
        let code = fn.code
        let name = fn.qualname
        let nPos = code.argCount
        var slots = [Value?](repeating: nil, count: code.varnames.count)
        let extra = args.count > nPos ? Array(args[nPos...]) : []
        for (i, a) in args.prefix(nPos).enumerated() { slots[i] = a }
        if !extra.isEmpty && !code.hasVarArgs {
            throw tooManyPositional(fn, given: args.count, kwGiven: kwargs.count)
        }
        let kwOnlyStart = nPos, varArgsSlot = nPos + code.kwOnlyCount
        let varKwSlot = varArgsSlot + (code.hasVarArgs ? 1 : 0)
        if code.hasVarArgs { slots[varArgsSlot] = .object(PyTuple(runtime: rt, extra)) }
        let kwDict = code.hasVarKeywords ? PyDict(runtime: rt) : nil
        for (k, v) in kwargs {
            if let i = code.varnames.prefix(nPos + code.kwOnlyCount).firstIndex(of: k), i >= code.posOnlyCount {
                if slots[i] != nil { throw rt.error(.TypeError, "\(name)() got multiple values for argument '\(k)'") }
                slots[i] = v
            } else if let d = kwDict {
                d.storage[try HashKey(.str(k), rt)] = v
            } else {
                throw rt.error(.TypeError, "\(name)() got an unexpected keyword argument '\(k)'")
            }
        }
        if let d = kwDict { slots[varKwSlot] = .object(d) }
        // Defaults fill the last positional parameters.
        let firstDefault = nPos - fn.defaults.count
        var missing: [String] = []
        for i in 0..<nPos where slots[i] == nil {
            if i >= firstDefault { slots[i] = fn.defaults[i - firstDefault] } else { missing.append(code.varnames[i]) }
        }
        if !missing.isEmpty { throw missingArguments(name, missing, kind: "positional") }
        var missingKw: [String] = []
        for i in kwOnlyStart..<(kwOnlyStart + code.kwOnlyCount) where slots[i] == nil {
            if let d = fn.kwDefaults[code.varnames[i]] { slots[i] = d } else { missingKw.append(code.varnames[i]) }
        }
        if !missingKw.isEmpty { throw missingArguments(name, missingKw, kind: "keyword-only") }
        return slots
    }

    private func tooManyPositional(_ fn: PyFunction, given: Int, kwGiven: Int) -> PyException {
        let n = fn.code.argCount, required = n - fn.defaults.count
        let takes = required == n ? "\(n) positional argument\(n == 1 ? "" : "s")"
            : "from \(required) to \(n) positional arguments"
        let were = given == 1 ? "was" : "were"
        return rt.error(.TypeError, "\(fn.qualname)() takes \(takes) but \(given) \(were) given")
    }

    private func missingArguments(_ name: String, _ names: [String], kind: String) -> PyException {
        let quoted = names.map { "'\($0)'" }
        let list: String
        switch quoted.count {
        case 1: list = quoted[0]
        case 2: list = "\(quoted[0]) and \(quoted[1])"
        default: list = quoted.dropLast().joined(separator: ", ") + ", and " + quoted.last!
        }
        let s = names.count == 1 ? "" : "s"
        return rt.error(.TypeError, "\(name)() missing \(names.count) required \(kind) argument\(s): \(list)")
    }

    /// Calling a class: built-in types construct natively; user classes make an instance and run
    /// `__init__` as a frame whose return is replaced by the instance.
    func instantiate(_ c: PyClass, _ args: [Value], _ kwargs: [(String, Value)],
                     metaclassCall: Bool = true) throws -> CallTarget {
        // type_call is the metaclass's tp_call: a metaclass's own `__call__` replaces it.
        if metaclassCall, let m = metaSlot(c, "__call__") {  // bound as a method (a function), or as it is (`__call__ = dict`)
            return try prepareCall(try bind(m, to: .object(c), cls: c.metaclass!), args, kwargs)
        }
        if c === concurrentFutureClass {
            try Arguments(name: "Future", args: args, kwargs: kwargs, rt: rt).exactly(0)
            return .value(.object(ConcurrentFuture(runtime: rt)))
        }
        if let b = c.builtin { return .value(try constructBuiltin(b, c, args, kwargs)) }
        if isTypeSubclass(c) { return .value(try instantiateMetaclass(c, args, kwargs)) }
        if isThreadSubclass(c) { return try instantiateThreadSubclass(c, args, kwargs) }
        if isTupleSubclass(c) {
            // tuple_new / the class's own __new__ (a namedtuple's); tuple has no __init__ to run.
            if let new = ownLookup(c, "__new__") {
                let f = descriptorFunction(new)
                return .value(try call(f, [.object(c)] + args, kwargs))
            }
            return .value(try tupleNew(c, args, kwargs))
        }
        if let base = payloadBase(c), ownLookup(c, "__new__") == nil {
            // type_call with str_new (long_new, float_new) as tp_new: the value from the
            // arguments, then the class's own __init__ (object's ignores them).
            let made = try payloadNew(c, base: base, args, kwargs)
            guard let initFn = ownLookup(c, "__init__") else { return .value(made) }
            switch try prepareCall(initFn, [made] + args, kwargs) {
            case .value: return .value(made)
            case .frame(let f):
                f.replacesReturn = made
                return .frame(f)
            }
        }
        if isListSubclass(c) {
            // list_new makes the (empty) list of the subclass; __init__ (the class's, or
            // list___init__: clear, then extend from the iterable) fills it.
            let l = PyList(runtime: rt, [])
            l.subclass = c
            guard let initFn = ownLookup(c, "__init__") else {
                try listInit(l, Arguments(name: "list", args: args, kwargs: kwargs, rt: rt))
                return .value(.object(l))
            }
            switch try prepareCall(initFn, [.object(l)] + args, kwargs) {
            case .value: return .value(.object(l))
            case .frame(let f):
                f.replacesReturn = .object(l)
                return .frame(f)
            }
        }
        if isDictSubclass(c) {
            // dict_new makes the (empty) dict of the subclass; __init__ (the class's, or
            // dict_init: update from the arguments) fills it.
            let d = PyDict(runtime: rt)
            d.subclass = c
            guard let initFn = ownLookup(c, "__init__") else {
                try dictInit(d, Arguments(name: "dict", args: args, kwargs: kwargs, rt: rt))
                return .value(.object(d))
            }
            switch try prepareCall(initFn, [.object(d)] + args, kwargs) {
            case .value: return .value(.object(d))
            case .frame(let f):
                f.replacesReturn = .object(d)
                return .frame(f)
            }
        }
        if c.exceptionType == nil, let new = c.lookup("__new__"), !isObjectSlot(new, "__new__") {
            // type_call: the class's __new__ (a static method) makes the object; __init__ runs
            // only on an instance of the class.
            let f = descriptorFunction(new)
            let made = try call(f, [.object(c)] + args, kwargs)
            guard isInstance(made, c), let initFn = c.lookup("__init__") else { return .value(made) }
            if isObjectSlot(initFn, "__init__") { return .value(made) }  // object_init: __new__ took the arguments
            switch try prepareCall(initFn, [made] + args, kwargs) {
            case .value: return .value(made)
            case .frame(let f):
                f.replacesReturn = made
                return .frame(f)
            }
        }
        let instance: Value
        if let et = c.exceptionType {
            let e = try makeExceptionGroupIfNeeded(c, et, args) ?? PyException(runtime: rt, et, args: args)
            if e.type === et { e.attributes["__class__"] = .object(c) }
            instance = .object(e)
        } else {
            try checkNotAbstract(c)
            instance = .object(PyInstance(runtime: rt, cls: c))
        }
        guard let initFn = c.lookup("__init__") else {
            if c.exceptionType == nil && (!args.isEmpty || !kwargs.isEmpty) {
                throw rt.error(.TypeError, "\(c.name)() takes no arguments")
            }
            return .value(instance)
        }
        switch try prepareCall(initFn, [instance] + args, kwargs) {
        case .value: return .value(instance)
        case .frame(let f):
            f.replacesReturn = instance
            return .frame(f)
        }
    }

    /// Built-in types CPython does not allow as a base class (no Py_TPFLAGS_BASETYPE).
    static let finalTypes: Set<BuiltinType> = [.contextVar, .context, .token, .tokenMissing, .bool, .noneType,
                                                .function, .builtinFunction, .method, .range, .slice, .coroutine,
                                                .generator, .handle]

    /// Runs a class body and makes the class (CPython: `__build_class__`).
    func buildClass(name: String, body: PyFunction, bases originalBases: [Value], keywords: [(String, Value)] = [],
                    module: Namespace) throws -> Value {
        // PEP 560 (`update_bases` in Python/bltinmodule.c): a base that is not a class and has
        // `__mro_entries__` (`Generic[T]`, `list[int]`) is replaced by the classes it returns.
        var baseValues: [Value] = []
        var replaced = false
        for b in originalBases {
            if !(b.asObject is PyClass), let entries = try findAttribute(b, "__mro_entries__") {
                let got = try call(entries, [.object(PyTuple(runtime: rt, originalBases))])
                guard let t = got.asObject as? PyTuple else { throw rt.error(.TypeError, "__mro_entries__ must return a tuple") }
                baseValues += t.items
                replaced = true
            } else {
                baseValues.append(b)
            }
        }
        if !keywords.isEmpty || baseValues.contains(where: { ($0.asObject as? PyClass)?.metaclass != nil }) {
            return try buildClassWithKeywords(name: name, body: body, originalBases: originalBases, bases: baseValues,
                                              replaced: replaced, keywords: keywords)
        }
        let bases = try classBases(baseValues)
        let ns = Namespace()
        let frame = Frame(code: body.code, globals: body.globals, namespace: ns, locals: [], cells: body.closure)
        frame.cells = body.code.cellvars.map { _ in PyCell(runtime: rt, nil) } + body.closure
        _ = try execute(FrameStack(frame), resumeWith: nil)
        if replaced { ns["__orig_bases__"] = .object(PyTuple(runtime: rt, originalBases)) }
        return try makeClass(name: name, bases: bases, namespace: ns)
    }

    /// The bases of a new class: classes, none final, none a built-in type ctxlab cannot
    /// subclass (tuple it can: PyTuple.subclass).
    func classBases(_ baseValues: [Value]) throws -> [PyClass] {
        var bases: [PyClass] = []
        for b in baseValues {
            guard let c = b.asObject as? PyClass else {
                throw rt.error(.TypeError, "bases must be types")
            }
            if let bt = c.builtin, bt != .object, bt != .baseException, bt != .tuple, bt != .dict, bt != .list, bt != .type, !Interpreter.payloadTypes.contains(bt), bt != .thread {
                if Interpreter.finalTypes.contains(bt) {
                    let q = c.module == "builtins" ? c.name : "\(c.module).\(c.name)"
                    throw rt.error(.TypeError, "type '\(q)' is not an acceptable base type")
                }
                throw rt.error(.TypeError, "subclassing '\(c.name)' is not supported by ctxlab")
            }
            bases.append(c)
        }
        return bases
    }

    /// type_new: the class of a `class` statement or of `type(name, bases, dict)`.
    func makeClass(name: String, bases: [PyClass], namespace ns: Namespace, metaclass: PyClass? = nil,
                   keywords: [(String, Value)] = []) throws -> Value {
        let excBases = bases.compactMap(\.exceptionType)
        let moduleName: String
        if case .str(let m)? = ns["__module__"] { moduleName = m } else { moduleName = "__main__" }
        let et = excBases.first.map {
            ExceptionType(name, module: moduleName == "__main__" ? nil : moduleName, base: $0,
                          secondBase: excBases.dropFirst().first, otherBases: Array(excBases.dropFirst(2)))
        }
        let qual: String
        if case .str(let q)? = ns["__qualname__"] { qual = q } else { qual = name }
        ns["__qualname__"] = nil  // type_new_set_names: kept on the type, not in its __dict__
        let cls = PyClass(runtime: rt, name: name, qualname: qual, module: moduleName,
                          bases: bases.isEmpty ? [classes.object] : bases, namespace: ns, exceptionType: et)
        if let et { classes.register(exceptionType: et, cls) }
        cls.interpreter = self
        cls.metaclass = metaclass
        cls.collectionFlags = bases.lazy.map(\.collectionFlags).first { $0 != 0 } ?? 0  // inherit_patma_flags
        // type_new_set_classcell's neighbour: `__init_subclass__` is an implicit classmethod.
        if case .object(let f as PyFunction)? = ns["__init_subclass__"] {
            ns["__init_subclass__"] = .object(PyDescriptor(runtime: rt, kind: .classMethod, function: .object(f)))
        }
        if isTupleSubclass(cls), let d = ns.order.first(where: { Interpreter.tupleSlotsNotOverridable.contains($0) }) {
            // ctxlab's tuple subclass instances are PyTuples: tuple's own behaviour is native.
            throw rt.error(.TypeError, "defining \(d) in a subclass of tuple is not supported by ctxlab")
        }
        // best_base: at most one built-in layout among the bases (type, tuple, dict, list).
        let layouts = Set(bases.compactMap { b in b.mro.lazy.compactMap(\.builtin).first { Interpreter.layoutTypes.contains($0) } })
        if layouts.count > 1 { throw rt.error(.TypeError, "multiple bases have instance lay-out conflict") }
        for (isSubclass, base) in [(isDictSubclass(cls), "dict"), (isListSubclass(cls), "list")] where isSubclass {
            if let d = ns.order.first(where: { Interpreter.containerSlotsNotOverridable.contains($0) }) {
                throw rt.error(.TypeError, "defining \(d) in a subclass of \(base) is not supported by ctxlab")
            }
        }
        cls.layoutDescriptors = layoutDescriptors(bases, ns)
        cls.layoutPosition = ns.order.count
        if ns["__doc__"] == nil { ns["__doc__"] = Value.none }  // type_new_set_doc: never inherited
        // type_ready_set_hash / inherit_slots: a class that defines __eq__ and not __hash__ is
        // unhashable, with `__hash__ = None` in its dict.
        if ns["__eq__"] != nil && ns["__hash__"] == nil { ns["__hash__"] = Value.none }
        // type_new_set_names and type_new_init_subclass.
        try initSubclass(cls, keywords)
        return .object(cls)
    }

    /// type_new_descriptors: `__dict__` when no base gives instances a dict, `__weakref__` when
    /// none gives them weak references (tuple's variable size cannot), unless `__slots__` omits them.
    func layoutDescriptors(_ bases: [PyClass], _ ns: Namespace) -> [String] {
        let slots: [String]? = ns["__slots__"].map { s in
            if case .str(let one) = s { return [one] }
            return ((try? iterate(s)) ?? []).compactMap { if case .str(let n) = $0 { n } else { nil } }
        }
        let mro = PyClass.linearize(bases)
        // A class made by a class statement (its interpreter is set) without __slots__ has both.
        let pythonClassWithDict = mro.contains { $0.interpreter != nil && $0.namespace["__slots__"] == nil }
        let baseHasDict = pythonClassWithDict || mro.contains { $0.exceptionType != nil || $0.builtin == .type }
        let baseHasWeakref = pythonClassWithDict || mro.contains { $0.builtin == .type }
        let varSized = mro.contains { $0.builtin == .tuple }
        var out: [String] = []
        if !baseHasDict && (slots?.contains("__dict__") ?? true) { out.append("__dict__") }
        if !baseHasWeakref && !varSized && (slots?.contains("__weakref__") ?? true) { out.append("__weakref__") }
        return out
    }

    /// The special methods a tuple subclass cannot override in ctxlab (`__new__`, `__repr__`,
    /// `__getitem__` and the binary operators it can).
    static let tupleSlotsNotOverridable: Set<String> = [
        "__init__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__", "__len__",
        "__iter__", "__contains__", "__str__", "__bool__", "__getattr__", "__getattribute__",
        "__setattr__", "__delattr__", "__format__", "__reversed__",
    ]

    /// object_new: `object.__new__(cls)` — an instance of `cls` with nothing run, what a class's own
    /// `__new__` calls through `super().__new__(cls)`.
    func objectNew(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        guard let first = args.first else { throw rt.error(.TypeError, "object.__new__(): not enough arguments") }
        guard let c = first.asObject as? PyClass else {
            throw rt.error(.TypeError, "object.__new__(X): X is not a type object (\(typeName(first)))")
        }
        if let b = c.builtin, b != .object {
            throw rt.error(.TypeError, "object.__new__(\(typeName(ofClass: c))) is not safe, use \(typeName(ofClass: c)).__new__()")
        }
        if c.mro.contains(where: { $0.builtin != nil && $0.builtin != .object }) {
            // tp_new_wrapper's staticbase: the first class whose __new__ is not a Python one.
            let base = c.mro.first { $0.builtin != nil || $0.namespace["__new__"] == nil } ?? c
            throw rt.error(.TypeError, "object.__new__(\(c.name)) is not safe, use \(typeName(ofClass: base)).__new__()")
        }
        if args.count > 1 || !kwargs.isEmpty {
            // excess_args: an error unless the class overrides __init__ and not __new__.
            let ownNew = c.lookup("__new__").map { !isObjectSlot($0, "__new__") } ?? false
            let ownInit = c.lookup("__init__").map { !isObjectSlot($0, "__init__") } ?? false
            if ownNew || !ownInit {
                throw rt.error(.TypeError, ownNew ? "object.__new__() takes exactly one argument (the type to instantiate)"
                                                  : "\(c.name)() takes no arguments")
            }
        }
        if let et = c.exceptionType {
            let e = PyException(runtime: rt, et, args: Array(args.dropFirst()))
            if e.type === et { e.attributes["__class__"] = .object(c) }
            return .object(e)
        }
        try checkNotAbstract(c)
        return .object(PyInstance(runtime: rt, cls: c))
    }

    /// object_new's refusal of a class with abstract methods (Py_TPFLAGS_IS_ABSTRACT: a
    /// non-empty `__abstractmethods__`, which abc.ABCMeta computes).
    func checkNotAbstract(_ c: PyClass) throws {
        guard let abstract = c.lookup("__abstractmethods__"), abstract.asObject is PySet, try truthy(abstract) else { return }
        let names = try iterate(abstract).map { try str($0) }.sorted()
        let s = names.count == 1 ? "" : "s"
        throw rt.error(.TypeError, "Can't instantiate abstract class \(c.name) without an implementation for abstract method\(s) "
                       + names.map { "'\($0)'" }.joined(separator: ", "))
    }

    /// `object.__reduce_ex__(protocol)` (typeobject.c object___reduce_ex__ and reduce_newobj), what
    /// copy.copy and copy.deepcopy take an object apart with: the class's own `__reduce__` when it
    /// has one, else `(copyreg.__newobj__, (cls, *__getnewargs__()), state, listitems, dictitems)`
    /// with the instance `__dict__` as state and a dict subclass's items. An object ctxlab keeps
    /// natively cannot be taken apart: CPython's "cannot pickle" for the C types it cannot pickle
    /// either, "not supported by ctxlab" for the others (asyncio.Lock is a Python class there).
    func objectReduceEx(_ obj: Value) throws -> Value {
        let cls = classOf(obj)
        if let own = cls.lookup("__reduce__") {  // object has none of its own in ctxlab
            return try call(try bind(own, to: obj, cls: cls), [])
        }
        let state: Value
        var dictItems: Value = .none
        var listItems: Value = .none
        var newArgs: [Value] = [.object(cls)]
        let getState = cls.lookup("__getstate__")  // object has none of its own in ctxlab
        switch obj.asObject {
        case let i as PyInstance where i.cls.exceptionType == nil && i.payload == nil:
            if let getState {
                state = try call(try bind(getState, to: obj, cls: cls), [])
            } else {
                let d = PyDict(runtime: rt)
                d.storage = i.instanceDict(rt).storage
                state = d.storage.isEmpty ? .none : .object(d)
            }
        case let d as PyDict where d.subclass != nil:
            state = d.attributes.map { a in a.storage.isEmpty ? Value.none : .object(a) } ?? .none
            dictItems = try getIterator(try call(try nativeAttribute(obj, "items")!, []))
        case let l as PyList where l.subclass != nil:
            state = l.subclassDict.map { a in a.storage.isEmpty ? Value.none : .object(a) } ?? .none
            listItems = .object(listIterator(l))
        case let i as PyInstance where i.payload != nil:
            // str/int/float's __getnewargs__: the carried value.
            newArgs.append(i.payload!)
            state = i.attributeNames.isEmpty ? .none : .object(i.instanceDict(rt))
        case is PyTuple where nativeSubclass(obj) != nil:
            if let getArgs = ownLookup(cls, "__getnewargs__") {
                newArgs += try iterate(try call(getArgs, [obj]))
            }
            state = .none
        default:
            if let name = cTypeName(cls) ?? (cls.module == "builtins" ? cls.name : nil) {
                throw rt.error(.TypeError, "cannot pickle '\(name)' object")
            }
            throw rt.error(.TypeError, "copying '\(cls.module).\(cls.qualname)' objects is not supported by ctxlab")
        }
        let copyreg = try importModule("copyreg")
        guard let newobj = copyreg.namespace["__newobj__"] else { throw rt.error(.RuntimeError, "copyreg.__newobj__ is missing") }
        return tuple([newobj, tuple(newArgs), state, listItems, dictItems])
    }

    /// A class with tuple among its bases.
    func isTupleSubclass(_ c: PyClass) -> Bool { c.builtin == nil && c.mro.contains { $0.builtin == .tuple } }

    /// A class with dict among its bases (`defaultdict`, `Counter`, `OrderedDict`).
    func isDictSubclass(_ c: PyClass) -> Bool { c.builtin == nil && c.mro.contains { $0.builtin == .dict } }

    /// A class with list among its bases (`class Stack(list)`, `collections.UserList` is not).
    func isListSubclass(_ c: PyClass) -> Bool { c.builtin == nil && c.mro.contains { $0.builtin == .list } }

    /// The built-in types whose instances have their own layout: two of them cannot be bases
    /// of one class.
    static let layoutTypes: Set<BuiltinType> = [.type, .tuple, .dict, .list, .str, .int, .float]

    /// The built-in types whose subclasses' instances are PyInstances carrying a value of the
    /// type (`PyInstance.payload`).
    static let payloadTypes: Set<BuiltinType> = [.str, .int, .float]

    /// The payload type of a class: str, int or float when one is among its bases.
    func payloadBase(_ c: PyClass) -> PyClass? {
        c.builtin == nil ? c.mro.first { $0.builtin.map(Interpreter.payloadTypes.contains) ?? false } : nil
    }

    /// str_new / long_new / float_new for a subclass (`str.__new__(cls, x)`): the base type's
    /// value made from the arguments, carried by an instance of `cls`.
    func payloadNew(_ cls: PyClass, base: PyClass, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let value = try constructBuiltin(base.builtin!, base, args, kwargs)
        guard cls !== base else { return value }
        let i = PyInstance(runtime: rt, cls: cls)
        i.payload = payload(of: value) ?? value
        return .object(i)
    }

    /// The special methods a dict or list subclass cannot define in ctxlab: those whose slot
    /// ctxlab's native container never consults (`__hash__`, attribute hooks, `format()`).
    /// The others (`__getitem__`, `__setitem__`, `__delitem__`, `__missing__`, `__repr__`,
    /// `__str__`, `__eq__`, orderings, operators, `__len__`, `__iter__`, `__contains__`,
    /// `__bool__`, `__reversed__`, `__init__`) replace the container's as in CPython.
    static let containerSlotsNotOverridable: Set<String> = [
        "__new__", "__hash__", "__getattribute__", "__setattr__", "__delattr__", "__format__",
    ]

    /// The class of `v` when `v` is an instance of a Python subclass of a built-in type whose
    /// instances ctxlab represents by the built-in object itself (tuple, dict); nil otherwise.
    func nativeSubclass(_ v: Value) -> PyClass? {
        switch v.asObject {
        case let t as PyTuple: return t.subclass as? PyClass
        case let d as PyDict: return d.subclass as? PyClass
        case let l as PyList: return l.subclass as? PyClass
        case let t as PyThread: return t.subclass as? PyClass
        default: return nil
        }
    }

    /// The special method `name` that such an instance's Python classes define: it replaces
    /// the built-in type's slot, as typeobject.c's `slot_*` functions do (`slot_mp_subscript`,
    /// `slot_tp_repr`); nil leaves the native behaviour.
    func subclassSlot(_ v: Value, _ name: String) -> Value? {
        guard let c = nativeSubclass(v) else { return nil }
        return slotMethod(ownLookup(c, name))
    }

    /// A special method found on a type, made callable as the type's slot calls it, with the
    /// instance first (typeobject.c `lookup_maybe_method`): a function (a method descriptor) takes
    /// the instance as its first argument; anything else is bound through its type's `__get__`
    /// (a staticmethod, a classmethod, a descriptor written in Python) or, without one, called as
    /// it is, without the instance (a callable object set as `__len__`, as unittest.mock does).
    func slotMethod(_ m: Value?) -> Value? {
        guard let m, case .object(let o) = m else { return m }
        switch o {
        case is PyFunction: return m
        case let b as PyBuiltin where !b.isModuleFunction: return m
        default:
            return builtin(o.typeName) { [unowned self] args, kwargs in
                guard let receiver = args.first else { return try self.call(m, [], kwargs) }
                let bound = try self.bind(m, to: receiver, cls: self.classOf(receiver))
                return try self.call(bound, Array(args.dropFirst()), kwargs)
            }
        }
    }

    /// The special method `name` of a user instance or of an instance of a Python subclass of a
    /// built-in type: where the VM's operations consult user code.
    func userSlot(_ v: Value, _ name: String) -> Value? {
        if case .object(let i as PyInstance) = v { return slotMethod(i.cls.lookup(name)) }
        if case .object(let c as PyClass) = v { return metaSlot(c, name) }
        return subclassSlot(v, name)
    }

    /// A name defined by the Python classes of `c`'s MRO. A built-in class in it answers, natively,
    /// what its CPython type defines (tuple's repr, object's slots): then nil.
    func ownLookup(_ c: PyClass, _ name: String) -> Value? {
        for k in c.mro {
            if k.builtin != nil {
                // The built-in base answers what its CPython type defines; a mixin after it in
                // the MRO (`class ConvertingDict(dict, ConvertingMixin)`) answers the rest.
                if !PyClass.knowsOwnNames(k.name) || PyClass.definesNatively(k.name, name) { return nil }
                continue
            }
            if let v = k.namespace[name] { return v }
        }
        return nil
    }

    /// `tuple.__new__(cls, iterable=(), /)`.
    func tupleNew(_ cls: PyClass, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        if !kwargs.isEmpty { throw rt.error(.TypeError, "\(cls.name)() takes no keyword arguments") }
        if args.count > 1 { throw rt.error(.TypeError, "\(cls.name) expected at most 1 argument, got \(args.count)") }
        let t = PyTuple(runtime: rt, args.isEmpty ? [] : try iterate(args[0]))
        if cls !== classes.tuple { t.subclass = cls }
        return .object(t)
    }
}
