import CtxCore

/// The class objects of the built-in types and exceptions, and the map from an exception type to
/// its class (user exception classes register themselves here).
final class BuiltinClasses {
    let object: PyClass
    let type: PyClass
    let int, float, str, bool, list, tuple, dict, set, frozenset, noneType: PyClass
    let function, builtinFunction, method, module, coroutine, generator, range, slice, iterator: PyClass
    let contextVar, context, token, tokenMissing, future, task, loop, handle, thread, local, threadLock: PyClass
    let uuid, partial, event, lock, queue, semaphore, taskGroup, timeout, runner, descriptor: PyClass
    /// `types.GenericAlias` and `types.UnionType` (`list[int]`, `int | None`).
    lazy var genericAlias = PyClass(runtime: rt, name: "GenericAlias", module: "types", bases: [object], builtin: .iterator)
    /// `classmethod` and `property` (`descriptor` is `staticmethod`).
    lazy var classMethodType = PyClass(runtime: rt, name: "classmethod", bases: [object], builtin: .descriptor)
    lazy var propertyType = PyClass(runtime: rt, name: "property", bases: [object], builtin: .descriptor)
    lazy var unionType = PyClass(runtime: rt, name: "UnionType", module: "types", bases: [object], builtin: .iterator)
    private var exceptionClasses: [ObjectIdentifier: PyClass] = [:]
    let rt: Runtime

    init(runtime rt: Runtime) {
        self.rt = rt
        func make(_ name: String, _ b: BuiltinType, module: String = "builtins", base: PyClass? = nil) -> PyClass {
            PyClass(runtime: rt, name: name, module: module, bases: base.map { [$0] } ?? [], builtin: b)
        }
        let root = make("object", .object)
        object = root
        func sub(_ name: String, _ b: BuiltinType, module: String = "builtins") -> PyClass {
            make(name, b, module: module, base: root)
        }
        type = sub("type", .type)
        let intClass = sub("int", .int)
        int = intClass
        bool = make("bool", .bool, base: intClass)
        float = sub("float", .float)
        str = sub("str", .str)
        list = sub("list", .list)
        tuple = sub("tuple", .tuple)
        dict = sub("dict", .dict)
        set = sub("set", .set)
        frozenset = sub("frozenset", .frozenset)
        noneType = sub("NoneType", .noneType)
        function = sub("function", .function)
        builtinFunction = sub("builtin_function_or_method", .builtinFunction)
        method = sub("method", .method)
        module = sub("module", .module)
        coroutine = sub("coroutine", .coroutine)
        generator = sub("generator", .generator)
        range = sub("range", .range)
        slice = sub("slice", .slice)
        iterator = sub("iterator", .iterator)
        contextVar = sub("ContextVar", .contextVar, module: "_contextvars")
        context = sub("Context", .context, module: "_contextvars")
        token = sub("Token", .token, module: "_contextvars")
        tokenMissing = PyClass(runtime: rt, name: "Token.MISSING", bases: [root], builtin: .tokenMissing)
        let futureClass = sub("Future", .future, module: "_asyncio")
        future = futureClass
        task = make("Task", .task, module: "_asyncio", base: futureClass)
        loop = sub("_UnixSelectorEventLoop", .loop, module: "asyncio.unix_events")
        handle = sub("Handle", .handle, module: "asyncio.events")
        thread = sub("Thread", .thread, module: "threading")
        local = sub("local", .local, module: "_thread")
        threadLock = sub("lock", .threadLock, module: "_thread")
        uuid = sub("UUID", .uuid, module: "uuid")
        partial = sub("partial", .partial, module: "functools")
        event = sub("Event", .event, module: "asyncio.locks")
        lock = sub("Lock", .lock, module: "asyncio.locks")
        queue = sub("Queue", .queue, module: "asyncio.queues")
        semaphore = sub("Semaphore", .semaphore, module: "asyncio.locks")
        taskGroup = sub("TaskGroup", .taskGroup, module: "asyncio.taskgroups")
        timeout = sub("Timeout", .timeout, module: "asyncio.timeouts")
        runner = sub("Runner", .runner, module: "asyncio.runners")
        descriptor = sub("staticmethod", .descriptor)
    }

    /// The class object of an exception type (built-in ones are made on first use).
    func exceptionClass(_ t: ExceptionType) -> PyClass {
        if let c = exceptionClasses[ObjectIdentifier(t)] { return c }
        var bases = [t.base.map { exceptionClass($0) } ?? object]
        if let second = t.secondBase { bases.append(exceptionClass(second)) }
        let c = PyClass(runtime: rt, name: t.name, module: t.module ?? "builtins", bases: bases, exceptionType: t)
        exceptionClasses[ObjectIdentifier(t)] = c
        return c
    }

    private var byName: [String: PyClass] = [:]

    /// A plain class for an internal type known only by name (iterator types such as `keys`).
    func named(_ name: String) -> PyClass {
        if let c = byName[name] { return c }
        let c = PyClass(runtime: rt, name: name, bases: [object], builtin: .iterator)
        byName[name] = c
        return c
    }

    func register(exceptionType t: ExceptionType, _ c: PyClass) {
        exceptionClasses[ObjectIdentifier(t)] = c
    }
}

