import CtxCore

extension Interpreter {
    /// `BaseExceptionGroup(message, exceptions)`: validates like CPython and picks
    /// `ExceptionGroup` when every member is an `Exception`.
    func makeExceptionGroupIfNeeded(_ c: PyClass, _ et: ExceptionType, _ args: [Value]) throws -> PyException? {
        guard et.isSubclass(of: .BaseExceptionGroup) else { return nil }
        guard args.count == 2 else {
            throw rt.error(.TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (\(args.count) given)")
        }
        guard case .str = args[0] else { throw rt.error(.TypeError, "argument 1 must be str, not \(typeName(args[0]))") }
        let members = try iterate(args[1])
        if members.isEmpty { throw rt.error(.ValueError, "second argument (exceptions) must be a non-empty sequence") }
        var allExceptions = true
        for (i, m) in members.enumerated() {
            guard let e = m.asObject as? PyException else {
                throw rt.error(.ValueError, "Item \(i) of second argument (exceptions) is not an exception")
            }
            if !e.isInstance(of: .Exception) { allExceptions = false }
        }
        var type = et
        if et === ExceptionType.BaseExceptionGroup && allExceptions { type = .ExceptionGroup }
        if et.isSubclass(of: .ExceptionGroup) && !allExceptions {
            throw rt.error(.TypeError, "Cannot nest BaseExceptions in an ExceptionGroup")
        }
        let g = PyException(runtime: rt, type, args: [args[0], args[1]])
        g.attributes["__exceptions__"] = tuple(members)
        g.attributes["message"] = args[0]
        return g
    }

    /// The members of an exception group, if `e` is one.
    func groupMembers(_ e: PyException) -> [PyException]? {
        guard let t = e.attributes["__exceptions__"]?.asObject as? PyTuple else { return nil }
        return t.items.compactMap { $0.asObject as? PyException }
    }

    /// `eg.split(T)`, `eg.subgroup(T)`, `eg.derive(excs)`.
    func groupMethod(_ e: PyException, _ name: String) -> Value {
        function(name) { [unowned self] a in
            try a.exactly(1)
            if name == "derive" { return .object(try self.deriveGroup(e, try self.iterate(a.args[0]))) }
            let (match, rest) = try self.splitGroup(e, a.args[0])
            let m = match.map { Value.object($0) } ?? .none
            if name == "subgroup" { return m }
            return self.tuple([m, rest.map { .object($0) } ?? .none])
        }
    }

    private func deriveGroup(_ e: PyException, _ members: [Value]) throws -> PyException {
        let g = try makeExceptionGroupIfNeeded(classes.exceptionClass(.BaseExceptionGroup), .BaseExceptionGroup,
                                               [e.args.first ?? .str(""), list(members)])!
        return g
    }

    /// Splits a group by a predicate (an exception type, a tuple of types, or a callable).
    func splitGroup(_ e: PyException, _ condition: Value) throws -> (PyException?, PyException?) {
        try splitGroup(e) { x in
            if condition.asObject is PyClass || condition.asObject is PyTuple { return try exceptionMatches(x, condition) }
            return try truthy(call(condition, [.object(x)]))
        }
    }

    /// `exceptiongroup_split_recursive`: the group itself if it matches, else its members split
    /// and each side rebuilt with `derive`, keeping the cause, context and traceback.
    func splitGroup(_ e: PyException, where matches: (PyException) throws -> Bool) throws -> (PyException?, PyException?) {
        if try matches(e) { return (e, nil) }
        guard let members = groupMembers(e) else { return (nil, e) }
        var yes: [Value] = [], no: [Value] = []
        for m in members {
            let (a, b) = try splitGroup(m, where: matches)
            if let a { yes.append(.object(a)) }
            if let b { no.append(.object(b)) }
        }
        func rebuild(_ xs: [Value]) throws -> PyException? {
            guard !xs.isEmpty else { return nil }
            let g = try deriveGroup(e, xs)
            g.cause = e.cause
            g.context = e.context
            g.traceback = e.traceback
            return g
        }
        return (try rebuild(yes), try rebuild(no))
    }
}
