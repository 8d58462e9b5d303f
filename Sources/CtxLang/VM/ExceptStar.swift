import CtxCore

/// `except*` at run time (PEP 654), after CPython's `_PyEval_ExceptionGroupMatch`,
/// `_PyEval_CheckExceptStarTypeValid` and `_PyExc_PrepReraiseStar` (Objects/exceptions.c).
///
/// One `StarState` lives on the stack while a `try … except*` statement handles an exception:
/// the exception, the part no clause has matched yet, the parts given to the clauses, and what
/// the clauses raised.
final class StarState: PyObject {
    let original: PyException
    /// A naked exception (not a group) is matched as a group of one, and re-raised naked when
    /// no clause takes it.
    let isGroup: Bool
    var rest: PyException?
    /// The parts given to clauses, with how long their traceback was then: a clause that
    /// re-raises its part with a bare `raise` gives back that object, its traceback unchanged.
    var matched: [(group: PyException, tracebackCount: Int)] = []
    var raised: [PyException] = []

    init(runtime: Runtime, _ e: PyException, isGroup: Bool) {
        original = e
        self.isGroup = isGroup
        rest = e
        super.init(runtime: runtime)
    }
}

extension Interpreter {
    func beginExceptStar(_ e: PyException) -> StarState {
        StarState(runtime: rt, e, isGroup: groupMembers(e) != nil)
    }

    /// A clause's part: the exceptions of the rest that match `type`, or nil.
    func matchExceptStar(_ state: StarState, _ type: Value) throws -> PyException? {
        try checkExceptStarType(type)
        guard let rest = state.rest else { return nil }
        let match: PyException?
        if state.isGroup {
            let (m, r) = try splitGroup(rest, type)
            match = m
            state.rest = r
        } else if try exceptionMatches(rest, type) {
            let wrapped = try newGroup([rest], asTuple: true)  // `_PyExc_CreateExceptionGroup`
            wrapped.traceback = rest.traceback
            match = wrapped
            state.rest = nil
        } else {
            match = nil
        }
        if let match { state.matched.append((match, match.traceback.count)) }
        return match
    }

    /// `_PyEval_CheckExceptStarTypeValid`.
    private func checkExceptStarType(_ type: Value) throws {
        let types = (type.asObject as? PyTuple)?.items ?? [type]
        for t in types {
            guard let c = t.asObject as? PyClass, let et = c.exceptionType else {
                throw rt.error(.TypeError, "catching classes that do not inherit from BaseException is not allowed")
            }
            if et.isSubclass(of: .BaseExceptionGroup) {
                throw rt.error(.TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.")
            }
        }
    }

    /// `_PyExc_PrepReraiseStar`: what the statement raises when its clauses are done, or nil.
    /// Parts re-raised as they were given (and the unmatched rest) go back into the shape of the
    /// original group; exceptions the clauses raised are new, and join it in a new group.
    func endExceptStar(_ state: StarState) throws -> PyException? {
        var outcomes = state.raised
        if let rest = state.rest { outcomes.append(rest) }
        guard state.isGroup else { return outcomes.first }
        var reraisedLeaves = Set<ObjectIdentifier>()
        var fresh: [PyException] = []
        for e in outcomes {
            let isReraise = e === state.rest
                || state.matched.contains { $0.group === e && $0.tracebackCount == e.traceback.count }
            if isReraise { collectLeaves(e, into: &reraisedLeaves) } else { fresh.append(e) }
        }
        var results = fresh
        if !reraisedLeaves.isEmpty, let kept = try splitGroup(state.original, where: { reraisedLeaves.contains(ObjectIdentifier($0)) }).0 {
            results.append(kept)
        }
        if results.count <= 1 { return results.first }
        return try newGroup(results)
    }

    private func collectLeaves(_ e: PyException, into leaves: inout Set<ObjectIdentifier>) {
        guard let members = groupMembers(e) else {
            leaves.insert(ObjectIdentifier(e))
            return
        }
        for m in members { collectLeaves(m, into: &leaves) }
    }

    /// `BaseExceptionGroup("", exceptions)`: an ExceptionGroup when all are Exceptions. CPython
    /// gives the wrapper of a naked exception a tuple and a re-raised combination a list, which
    /// their reprs show.
    private func newGroup(_ exceptions: [PyException], asTuple: Bool = false) throws -> PyException {
        let members = exceptions.map { Value.object($0) }
        return try makeExceptionGroupIfNeeded(
            classes.exceptionClass(.BaseExceptionGroup), .BaseExceptionGroup,
            [.str(""), asTuple ? tuple(members) : list(members)])!
    }
}
