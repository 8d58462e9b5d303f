import CtxCore

extension Interpreter {
    /// Executes instructions of the top frame (and of frames it calls) until the stack's base
    /// frame returns, yields or suspends. Exceptions propagate to `execute`, which unwinds.
    func run(_ stack: FrameStack) throws -> RunOutcome? {
        var f = stack.top
        while true {
            try checkInstructionBoundary()
            let instr = f.code.instructions[f.pc]
            f.pc += 1
            switch instr {
            case .nop: break
            case .loadConst(let i): f.push(f.code.constants[i])
            case .loadBigInt(let i): f.push(bigIntLiteral(f.code.constants[i]))
            case .loadBytes(let i): f.push(bytesLiteral(f.code.constants[i]))
            case .loadEllipsis: f.push(builtins["Ellipsis"]!)
            case .loadFast(let i):
                guard let v = f.locals[i] else {
                    throw rt.error(.UnboundLocalError, "cannot access local variable '\(f.code.varnames[i])' where it is not associated with a value")
                }
                f.push(v)
            case .storeFast(let i): f.locals[i] = f.pop()
            case .deleteFast(let i):
                if f.locals[i] == nil { throw rt.error(.UnboundLocalError, "cannot access local variable '\(f.code.varnames[i])' where it is not associated with a value") }
                f.locals[i] = nil
            case .loadDeref(let i):
                guard let v = f.cells[i].value else {
                    let name = i < f.code.cellvars.count ? f.code.cellvars[i] : f.code.freevars[i - f.code.cellvars.count]
                    if i < f.code.cellvars.count {
                        throw rt.error(.UnboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value")
                    }
                    throw rt.error(.NameError, "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope")
                }
                f.push(v)
            case .storeDeref(let i): f.cells[i].value = f.pop()
            case .deleteDeref(let i): f.cells[i].value = nil
            case .loadClosureCell(let i): f.push(.object(f.cells[i]))
            case .loadName(let i): f.push(try loadName(f, f.code.names[i]))
            case .storeName(let i):
                if let m = f.mapping { try setItem(m, .str(f.code.names[i]), f.pop()); break }
                (f.namespace ?? f.globals)[f.code.names[i]] = f.pop()
            case .deleteName(let i):
                if let m = f.mapping {
                    do { try deleteItem(m, .str(f.code.names[i])) } catch let e as PyException where e.isInstance(of: .KeyError) {
                        throw nameError(f.code.names[i], f)
                    }
                    break
                }
                let ns = f.namespace ?? f.globals
                if ns[f.code.names[i]] == nil { throw nameError(f.code.names[i], f) }
                ns[f.code.names[i]] = nil
            case .loadGlobal(let i):
                let n = f.code.names[i]
                guard let v = f.globals[n] ?? builtins[n] else { throw nameError(n, f) }
                f.push(v)
            case .storeGlobal(let i): f.globals[f.code.names[i]] = f.pop()
            case .deleteGlobal(let i):
                if f.globals[f.code.names[i]] == nil { throw nameError(f.code.names[i], f) }
                f.globals[f.code.names[i]] = nil
            case .loadAttr(let i): f.push(try getAttribute(f.pop(), f.code.names[i]))
            case .storeAttr(let i):
                let obj = f.pop(), value = f.pop()
                try setAttribute(obj, f.code.names[i], value)
            case .deleteAttr(let i): try deleteAttribute(f.pop(), f.code.names[i])
            case .loadSubscript:
                let idx = f.pop(), obj = f.pop()
                f.push(try getItem(obj, idx))
            case .storeSubscript:
                let idx = f.pop(), obj = f.pop(), value = f.pop()
                try setItem(obj, idx, value)
            case .deleteSubscript:
                let idx = f.pop(), obj = f.pop()
                try deleteItem(obj, idx)
            case .buildTuple(let n): f.push(.object(PyTuple(runtime: rt, popN(f, n))))
            case .buildList(let n): f.push(.object(PyList(runtime: rt, popN(f, n))))
            case .buildSet(let n):
                let s = PySet(runtime: rt)
                for v in popN(f, n) { s.storage.append(try HashKey(v, rt)) }
                f.push(.object(s))
            case .buildMap(let n):
                let d = PyDict(runtime: rt)
                let kv = popN(f, 2 * n)
                for j in 0..<n { d.storage[try HashKey(kv[2 * j], rt)] = kv[2 * j + 1] }
                f.push(.object(d))
            case .buildSlice(let n):
                let parts = popN(f, n)
                f.push(.object(PySlice(runtime: rt, start: parts[0], stop: parts[1], step: n == 3 ? parts[2] : .none)))
            case .buildString(let n): f.push(.str(try popN(f, n).map { try $0.str() }.joined()))
            case .listAppend(let d):
                let v = f.pop()
                (f.stack[f.stack.count - d].asObject as! PyList).items.append(v)
            case .setAdd(let d):
                let v = f.pop()
                (f.stack[f.stack.count - d].asObject as! PySet).storage.append(try HashKey(v, rt))
            case .mapAdd(let d):
                let v = f.pop(), k = f.pop()
                (f.stack[f.stack.count - d].asObject as! PyDict).storage[try HashKey(k, rt)] = v
            case .listExtend:
                let src = f.pop()
                (f.top.asObject as! PyList).items += try iterate(src, orElse: rt.error(.TypeError, "Value after * must be an iterable, not \(typeName(src))"))
            case .starArgs:
                let src = f.pop()
                let items = try iterate(src, orElse: rt.error(.TypeError, "\((try? functionString(f.top)) ?? "function") argument after * must be an iterable, not \(typeName(src))"))
                f.push(.object(PyTuple(runtime: rt, items)))
            case .setUpdate:
                let src = f.pop()
                let s = f.top.asObject as! PySet
                for v in try iterate(src) { s.storage.append(try HashKey(v, rt)) }
            case .dictUpdate:
                let src = f.pop()
                try mergeMapping(f.top.asObject as! PyDict, src, callable: nil)
            case .dictMerge(let depth):
                let src = f.pop()
                let callable = depth > 0 && f.stack.count >= depth ? f.stack[f.stack.count - depth] : nil
                try mergeMapping(f.top.asObject as! PyDict, src, callable: callable)
            case .listToTuple: f.push(.object(PyTuple(runtime: rt, (f.pop().asObject as! PyList).items)))
            case .binary(let op):
                let b = f.pop(), a = f.pop()
                f.push(try binaryOp(op, a, b))
            case .inplace(let op):
                let b = f.pop(), a = f.pop()
                f.push(try inplaceOp(op, a, b))
            case .unary(let op): f.push(try unaryOp(op, f.pop()))
            case .compare(let op):
                let b = f.pop(), a = f.pop()
                f.push(try compareOp(op, a, b))
            case .jump(let t): f.pc = t
            case .popJumpIfFalse(let t): if !(try truthy(f.pop())) { f.pc = t }
            case .popJumpIfTrue(let t): if try truthy(f.pop()) { f.pc = t }
            case .jumpIfFalseOrPop(let t): if !(try truthy(f.top)) { f.pc = t } else { _ = f.pop() }
            case .jumpIfTrueOrPop(let t): if try truthy(f.top) { f.pc = t } else { _ = f.pop() }
            case .getIter: f.push(try getIterator(f.pop()))
            case .forIter(let t):
                if let v = try nextValue(f.top) { f.push(v) } else {
                    _ = f.pop()
                    f.pc = t
                }
            case .getAIter: f.push(try asyncIterator(f.pop(), forStatement: true))
            case .getANext: f.push(try loopANext(f.top))
            case .endAsyncFor: try endAsyncFor(f)
            case .getYieldFromIter: f.push(try yieldFromIterator(f.pop()))
            case .yieldFromSend(let end): try yieldFromSend(f, end: end)
            case .call(let argc, let kwnamesIndex):
                let (positional, kwargs) = popArguments(f, argc, kwnamesIndex)
                let callable = f.pop()
                try enter(prepareCall(callable, positional, kwargs), &f, stack)
                if threadBlock != nil { return .suspended(.yielded) }  // time.sleep stopped the thread (ThreadFrames.swift)
            case .loadMethod(let i):
                let obj = f.pop(), name = f.code.names[i]
                if Self.callsDirectly(obj, name) {
                    f.push(obj)
                    f.push(.int(i))
                } else {
                    f.push(try getAttribute(obj, name))
                    f.push(.none)
                }
            case .callMethod(let argc, let kwnamesIndex):
                let (positional, kwargs) = popArguments(f, argc, kwnamesIndex)
                let marker = f.pop(), target = f.pop()
                if case .int(let i) = marker {
                    f.push(try callDirectly(target, f.code.names[i], positional, kwargs))
                } else {
                    try enter(prepareCall(target, positional, kwargs), &f, stack)
                }
                if threadBlock != nil { return .suspended(.yielded) }  // time.sleep stopped the thread (ThreadFrames.swift)
            case .callEx(let hasKwargs):
                var kwargs: [(String, Value)] = []
                if hasKwargs {
                    let d = f.pop().asObject as! PyDict
                    for (k, v) in d.storage {
                        guard case .str(let s) = k.value else { throw rt.error(.TypeError, "keywords must be strings") }
                        kwargs.append((s, v))
                    }
                }
                let args = (f.pop().asObject as! PyTuple).items
                let callable = f.pop()
                try enter(prepareCall(callable, args, kwargs), &f, stack)
                if threadBlock != nil { return .suspended(.yielded) }  // time.sleep stopped the thread (ThreadFrames.swift)
            case .makeFunction(let ci, let hasDefaults, let hasKw, let hasClosure):
                let closure = hasClosure ? (f.pop().asObject as! PyTuple).items.map { $0.asObject as! PyCell } : []
                var kwDefaults: [String: Value] = [:]
                if hasKw {
                    for (k, v) in (f.pop().asObject as! PyDict).storage { if case .str(let s) = k.value { kwDefaults[s] = v } }
                }
                let defaults = hasDefaults ? (f.pop().asObject as! PyTuple).items : []
                let code = f.code.codeConstants[ci]
                let fn = PyFunction(runtime: rt, code: code, globals: f.globals, defaults: defaults, kwDefaults: kwDefaults, closure: closure)
                fn.attributes["__doc__"] = code.docstring
                f.push(.object(fn))
            case .buildClass(let ni, let hasKeywords):
                var keywords: [(String, Value)] = []
                if hasKeywords, let d = f.pop().asObject as? PyDict {
                    for (k, v) in d.storage { if case .str(let s) = k.value { keywords.append((s, v)) } }
                }
                let bases = (f.pop().asObject as! PyTuple).items
                let body = f.pop().asObject as! PyFunction
                f.push(try buildClass(name: f.code.names[ni], body: body, bases: bases, keywords: keywords, module: f.globals))
            case .returnValue:
                var result = f.pop()
                if let replacement = f.replacesReturn {
                    guard case .none = result else {
                        throw rt.error(.TypeError, "__init__() should return None, not '\(typeName(result))'")
                    }
                    result = replacement
                }
                if stack.frames.count == 1 {
                    if let c = f.coroutine, c.isDelegated { c.state = .closed }
                    return .returned(result)
                }
                popFrame(stack)
                f = stack.top
                f.push(result)
            case .yieldValue:
                guard stack.frames.count == 1 else { preconditionFailure("yield in a nested frame") }
                let v = f.pop()
                f.push(.none)  // the value `yield` evaluates to when resumed by next()
                return .yielded(v)
            case .pop: _ = f.pop()
            case .dup: f.push(f.top)
            case .dup2:
                let b = f.stack[f.stack.count - 1], a = f.stack[f.stack.count - 2]
                f.push(a)
                f.push(b)
            case .rot2: f.stack.swapAt(f.stack.count - 1, f.stack.count - 2)
            case .rot3:
                let v = f.pop()
                f.stack.insert(v, at: f.stack.count - 2)
            case .rot4:
                let v = f.pop()
                f.stack.insert(v, at: f.stack.count - 3)
            case .copy(let n): f.push(f.stack[f.stack.count - n])
            case .swap(let n): f.stack.swapAt(f.stack.count - 1, f.stack.count - n)
            case .matchClass(let n):
                let names = f.pop(), type = f.pop(), subject = f.pop()
                f.push(try matchClass(subject, type, n, (names.asObject as! PyTuple).items))
            case .matchMapping: f.push(.bool(isMatchMapping(f.top)))
            case .matchSequence: f.push(.bool(isMatchSequence(f.top)))
            case .getLen: f.push(.int(try length(f.top)))
            case .matchKeys:
                let keys = f.stack[f.stack.count - 1], subject = f.stack[f.stack.count - 2]
                f.push(try matchKeys(subject, (keys.asObject as! PyTuple).items))
            case .unpackSequence(let n):
                let items = try iterate(f.pop())
                guard items.count == n else {
                    if items.count > n { throw rt.error(.ValueError, "too many values to unpack (expected \(n), got \(items.count))") }
                    throw rt.error(.ValueError, "not enough values to unpack (expected \(n), got \(items.count))")
                }
                for v in items.reversed() { f.push(v) }
            case .unpackEx(let before, let after):
                let items = try iterate(f.pop())
                guard items.count >= before + after else {
                    throw rt.error(.ValueError, "not enough values to unpack (expected at least \(before + after), got \(items.count))")
                }
                let middle = PyList(runtime: rt, Array(items[before..<(items.count - after)]))
                var out = Array(items[..<before]) + [Value.object(middle)] + Array(items[(items.count - after)...])
                out.reverse()
                for v in out { f.push(v) }
            case .pushHandler(let t): f.handlers.append((t, f.stack.count))
            case .popHandler: f.handlers.removeLast()
            case .beginExcept: f.handled.append(f.top.asObject as! PyException)
            case .endExcept: f.handled.removeLast()
            case .starBegin: f.push(.object(beginExceptStar(f.pop().asObject as! PyException)))
            case .starMatch:
                let type = f.pop()
                f.push(try matchExceptStar(f.top.asObject as! StarState, type).map { .object($0) } ?? .none)
            case .starRaised:
                let e = f.pop().asObject as! PyException
                (f.top.asObject as! StarState).raised.append(e)
            case .starEnd: f.push(try endExceptStar(f.pop().asObject as! StarState).map { .object($0) } ?? .none)
            case .checkExcMatch:
                let type = f.pop()
                f.push(.bool(try exceptionMatches(f.top.asObject as! PyException, type)))
            case .raise(let n): throw try makeRaise(f, stack, n)
            case .reraise:
                reraising = true
                throw f.pop().asObject as! PyException
            case .await:
                if let outcome = try beginAwait(stack, f) { return outcome }
                f = stack.top
            case .formatValue(let conv, let hasSpec):
                let spec = hasSpec ? try f.pop().str() : ""
                f.push(.str(try format(f.pop(), conversion: conv == 0 ? nil : Character(Unicode.Scalar(conv)), spec: spec)))
            case .importName(let i):
                // `import a.b` binds the top package; the submodule is imported and set on it.
                let name = f.code.names[i]
                _ = try importModule(name)
                f.push(.object(try importModule(String(name.split(separator: ".")[0]))))
            case .importFrom(let i): f.push(try importFrom(f.top, f.code.names[i]))
            case .importStar:
                let m = f.pop().asObject as! PyModule
                for (k, v) in m.namespace.items where !k.hasPrefix("_") { (f.namespace ?? f.globals)[k] = v }
            case .beforeWith:
                let cm = f.pop()
                let exit = try lookupSpecial(cm, "__exit__", protocolName: "context manager")
                let enterMethod = try lookupSpecial(cm, "__enter__", protocolName: "context manager")
                f.push(exit)
                // A frame of this stack (not a nested run), so that `with lock:` can stop a thread.
                try enter(prepareCall(enterMethod, [], []), &f, stack)
                if threadBlock != nil { return .suspended(.yielded) }  // a lock parked the thread (ThreadFrames.swift)
            case .beforeAsyncWith:
                let cm = f.pop()
                let exit = try lookupSpecial(cm, "__aexit__", protocolName: "asynchronous context manager")
                let enter = try lookupSpecial(cm, "__aenter__", protocolName: "asynchronous context manager")
                f.push(exit)
                f.push(try call(enter, []))
            case .callExitNone:
                let exit = f.pop()
                let r = try call(exit, [.none, .none, .none])
                if case .callExitNone(true) = instr { f.push(r) }
            case .callExitWithException:
                let e = f.pop().asObject as! PyException
                let exit = f.pop()
                f.push(.object(e))
                let tb: Value = e.traceback.isEmpty ? .none : .object(PyTraceback(runtime: rt, e.traceback))
                f.push(try call(exit, [.object(classOf(exception: e)), .object(e), tb]))
            case .withExceptCheck:
                let result = f.pop()
                let e = f.pop().asObject as! PyException
                f.handled.removeLast()
                if !(try truthy(result)) {
                    reraising = true
                    throw e
                }
            case .setupAnnotations: break
            case .storeAnnotation(let i):
                let annotation = f.pop()
                if let m = f.mapping {
                    var table = try? getItem(m, .str("__annotations__"))
                    if !(table?.asObject is PyDict) {
                        table = .object(PyDict(runtime: rt))
                        try setItem(m, .str("__annotations__"), table!)
                    }
                    try setItem(table!, .str(f.code.names[i]), annotation)
                    break
                }
                let ns = f.namespace ?? f.globals
                let table: PyDict
                if case .object(let d as PyDict)? = ns["__annotations__"] {
                    table = d
                } else {
                    table = PyDict(runtime: rt)
                    ns["__annotations__"] = .object(table)
                }
                table.storage[HashKey(str: f.code.names[i])] = annotation
            case .assertFail(let hasMessage):
                let e = PyException(runtime: rt, .AssertionError, args: hasMessage ? [f.pop()] : [])
                throw e
            case .displayHook:
                let v = f.pop()
                if case .none = v { break }
                // sys.displayhook (Python/sysmodule.c): `_` is cleared before the repr is
                // written, so what the old value's release prints comes first.
                builtins["_"] = Value.none
                if !pendingFinalizers.isEmpty { runFinalizers() }
                rt.write(try repr(v) + "\n", false)
                builtins["_"] = v
            }
        }
    }

    /// Finishes a call instruction: pushes the value of a call that is done, or makes the
    /// callee's new frame the current one.
    @inline(__always)
    func enter(_ target: CallTarget, _ f: inout Frame, _ stack: FrameStack) throws {
        switch target {
        case .value(let v): f.push(v)
        case .frame(let callee):
            try pushFrame(stack, callee)
            f = callee
        }
    }

    /// The `argc` arguments of a call: positional ones, then keywords named by
    /// `kwnameLists[kwnamesIndex]` (none when it is -1).
    func popArguments(_ f: Frame, _ argc: Int, _ kwnamesIndex: Int) -> ([Value], [(String, Value)]) {
        let values = popN(f, argc)
        guard kwnamesIndex >= 0 else { return (values, []) }
        let kwnames = f.code.kwnameLists[kwnamesIndex]
        return (Array(values.prefix(argc - kwnames.count)), Array(zip(kwnames, values.suffix(kwnames.count))))
    }

    func popN(_ f: Frame, _ n: Int) -> [Value] {
        guard n > 0 else { return [] }
        let out = Array(f.stack[(f.stack.count - n)...])
        f.stack.removeLast(n)
        return out
    }

    func nameError(_ n: String, _ f: Frame) -> PyException {
        // A builtin CPython has and ctxlab lacks is ctxlab's gap, not the program's mistake.
        let gap = CPythonModuleNames.builtins.contains(n) ? " (\(n) is a builtin in CPython but is not supported by ctxlab)" : ""
        let e = rt.error(.NameError, "name '\(n)' is not defined" + gap)
        suggestForName(e, n, in: f)
        return e
    }

    func loadName(_ f: Frame, _ n: String) throws -> Value {
        if let m = f.mapping {
            do { return try getItem(m, .str(n)) } catch let e as PyException where e.isInstance(of: .KeyError) {}
        }
        if let ns = f.namespace, let v = ns[n] { return v }
        if let v = f.globals[n] ?? builtins[n] { return v }
        throw nameError(n, f)
    }

    /// `raise`, `raise exc`, `raise exc from cause`, with CPython's implicit `__context__`.
    func makeRaise(_ f: Frame, _ stack: FrameStack, _ n: Int) throws -> PyException {
        // The exception being handled, also by a caller across a native call (an __exit__
        // called by a with statement, a callback): CPython's exc_info chain.
        let handledNow = handledException()
        if n == 0 {
            guard let e = handledNow else { throw rt.error(.RuntimeError, "No active exception to reraise") }
            reraising = true
            return e
        }
        let cause: Value? = n == 2 ? f.pop() : nil
        let e = try exceptionInstance(f.pop())
        if let cause {
            if case .none = cause {
                e.cause = nil
            } else {
                e.cause = try exceptionInstance(cause)
            }
            e.suppressContext = true
        }
        if let h = handledNow, h !== e, e.context == nil { e.context = h }
        return e
    }

    /// `raise X` accepts an exception instance or class.
    func exceptionInstance(_ v: Value) throws -> PyException {
        if let e = v.asObject as? PyException { return e }
        if let c = v.asObject as? PyClass, c.exceptionType != nil {
            if let e = try call(v, []).asObject as? PyException { return e }
        }
        throw rt.error(.TypeError, "exceptions must derive from BaseException")
    }
}
