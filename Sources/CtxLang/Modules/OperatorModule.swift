import CtxCore

/// `_operator`: the C accelerator of CPython's `operator` (Modules/_operator.c), whose functions
/// `Lib/operator.py` re-exports with `from _operator import *`, as CPython's Lib/operator.py does.
/// The functions are built-ins (`<built-in function add>`) with C's argument messages
/// (`add expected 2 arguments, got 1`). itemgetter, attrgetter and methodcaller are the
/// Python classes of Lib/operator.py.
extension Interpreter {
    func makeOperatorAccelerator() -> PyModule {
        let m = PyModule(runtime: rt, name: "_operator")
        func define(_ name: String, _ n: Int, _ body: @escaping ([Value]) throws -> Value) {
            m.namespace[name] = function(name) { [unowned self] a in
                if !a.kwargs.isEmpty { throw self.rt.error(.TypeError, "_operator.\(name)() takes no keyword arguments") }
                if a.args.count != n {
                    throw self.rt.error(.TypeError, "\(name) expected \(n) argument\(n == 1 ? "" : "s"), got \(a.args.count)")
                }
                return try body(a.args)
            }
        }
        let binary: [(String, BinaryOp)] = [
            ("add", .add), ("sub", .sub), ("mul", .mul), ("truediv", .div), ("floordiv", .floorDiv),
            ("mod", .mod), ("pow", .pow), ("matmul", .matMul), ("lshift", .lshift), ("rshift", .rshift),
            ("and_", .bitAnd), ("or_", .bitOr), ("xor", .bitXor),
        ]
        for (name, op) in binary {
            define(name, 2) { [unowned self] v in try self.binaryOp(op, v[0], v[1]) }
            let iname = "i" + (name.hasSuffix("_") ? String(name.dropLast()) : name)
            define(iname, 2) { [unowned self] v in try self.inplaceOp(op, v[0], v[1]) }
        }
        let compare: [(String, CompareOp)] = [("lt", .lt), ("le", .le), ("eq", .eq), ("ne", .ne), ("ge", .ge), ("gt", .gt)]
        for (name, op) in compare {
            define(name, 2) { [unowned self] v in try self.compareOp(op, v[0], v[1]) }
        }
        define("neg", 1) { [unowned self] v in try self.unaryOp(.neg, v[0]) }
        define("pos", 1) { [unowned self] v in try self.unaryOp(.pos, v[0]) }
        define("invert", 1) { [unowned self] v in try self.unaryOp(.invert, v[0]) }
        define("inv", 1) { [unowned self] v in try self.unaryOp(.invert, v[0]) }
        define("not_", 1) { [unowned self] v in .bool(!(try self.truthy(v[0]))) }
        define("truth", 1) { [unowned self] v in .bool(try self.truthy(v[0])) }
        define("is_", 2) { v in .bool(v[0].isIdentical(v[1])) }
        define("is_not", 2) { v in .bool(!v[0].isIdentical(v[1])) }
        define("is_none", 1) { v in .bool(v[0].isIdentical(.none)) }
        define("is_not_none", 1) { v in .bool(!v[0].isIdentical(.none)) }
        define("contains", 2) { [unowned self] v in .bool(try self.contains(v[0], v[1])) }
        define("getitem", 2) { [unowned self] v in try self.getItem(v[0], v[1]) }
        define("setitem", 3) { [unowned self] v in
            try self.setItem(v[0], v[1], v[2])
            return .none
        }
        define("delitem", 2) { [unowned self] v in
            try self.deleteItem(v[0], v[1])
            return .none
        }
        define("abs", 1) { [unowned self] v in try self.call(self.builtins["abs"]!, [v[0]]) }  // abs()'s messages
        define("index", 1) { [unowned self] v in  // PyNumber_Index; ctxlab's ints are its only integers
            if case .bool(let b) = v[0] { return .int(b ? 1 : 0) }
            if self.intValue(v[0]) != nil || self.isBigInt(v[0]) { return v[0] }
            throw self.rt.error(.TypeError, "'\(self.typeName(v[0]))' object cannot be interpreted as an integer")
        }
        return m
    }
}
