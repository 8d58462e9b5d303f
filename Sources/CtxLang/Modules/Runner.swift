import CtxCore

extension Interpreter {
    /// `asyncio.Runner()`: a context manager around CtxCore's Runner.
    func makeRunner(_ a: Arguments) throws -> Value {
        try a.check(maxPositional: 0, keywords: ["debug", "loop_factory"])
        let runner = Runner(runtime: rt)
        let o = NativeObject(runtime: rt, cls: classes.runner)
        o.reprBody = { "<asyncio.runners.Runner object at \(o.hexAddress)>" }
        o.attributes["run"] = function("run") { [unowned self] a in
            try a.check(maxPositional: 1, minPositional: 1, keywords: ["context"])
            let ctx = a.keyword("context").flatMap { $0.asObject as? Context }
            return try runner.run(try self.coroutine(a.args[0], forRun: true), context: ctx)
        }
        o.attributes["close"] = function("close") { _ in try runner.close(); return .none }
        o.attributes["get_loop"] = function("get_loop") { _ in
            if runner.loop == nil { _ = try? runner.run(StateMachineCoroutine(name: "noop") { _, _ in .returned(.none) }) }
            return runner.loop.map { .object($0) } ?? .none
        }
        o.attributes["__enter__"] = function("__enter__") { _ in .object(o) }
        o.attributes["__exit__"] = function("__exit__") { _ in try runner.close(); return .none }
        return .object(o)
    }
}

extension Interpreter {
    /// `ThreadPoolExecutor` objects: `with`, `shutdown`, `submit` is not modelled.
    func executorAttribute(_ ex: ThreadPoolExecutor, _ name: String) -> Value? {
        let owner = Value.object(ex)
        switch name {
        case "__enter__": return method(name, of: owner) { _ in owner }
        case "__exit__": return method(name, of: owner) { _ in try ex.shutdown(); return .none }
        case "shutdown":
            return method(name, of: owner) { [unowned self] a in
                try a.check(maxPositional: 1, keywords: ["wait", "cancel_futures"])
                try ex.shutdown(wait: try a.get(0, "wait").map { try self.truthy($0) } ?? true)
                return .none
            }
        case "_max_workers": return .int(ex.maxWorkers)
        case "submit": return method(name, of: owner) { [unowned self] a in try self.executorSubmit(ex, a) }
        case "map": return method(name, of: owner) { [unowned self] a in try self.executorMap(ex, a) }
        default: return nil
        }
    }
}
