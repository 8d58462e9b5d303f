import Testing
@testable import CtxCore

/// SEMANTICS.md §1.1 and §1.7, and the applicable cases of CPython's Lib/test/test_context.py
/// (rewritten: context_new, context_run_*, context_getset_*, context_copy_1).
@Suite struct ContextTests {
    let h = Harness()

    @Test func emptyContextAndMappingAPI() throws {
        let ctx = Context(runtime: h.rt)
        let v = h.variable("W")
        #expect(ctx.count == 0 && !ctx.contains(v))
        #expect(message { _ = try ctx.item(h.rt, v) } == "KeyError: <ContextVar name='W' at 0x…>")
        try ctx.run(h.rt) { v.set(h.rt, .int(1)) }
        #expect(ctx.count == 1 && ctx.contains(v))
        #expect(try ctx.item(h.rt, v).isIdentical(.int(1)))
        #expect(ctx.items.map { $0.0 } == [v])
    }

    /// Equal stamps mean the same mapping: a copy shares its origin's stamp until either changes;
    /// every set or reset draws a new one; an empty mapping is 0 (what the live tree relies on).
    @Test func mappingStampsNameMappings() throws {
        let v = h.variable("v")
        let base = h.rt.currentContext()
        #expect(base.mappingStamp == 0 && Context(runtime: h.rt).mappingStamp == 0)
        let token = v.set(h.rt, .int(1))
        let first = base.mappingStamp
        #expect(first != 0)
        let copy = h.rt.copyContext()
        #expect(copy.mappingStamp == first && copy.originAddress == base.address)
        try copy.run(h.rt) { v.set(h.rt, .int(2)) }
        #expect(copy.mappingStamp != first && base.mappingStamp == first)
        let again = v.set(h.rt, .int(1))  // the same value again is still a new mapping object
        #expect(base.mappingStamp != first)
        try v.reset(h.rt, again)
        try v.reset(h.rt, token)
        #expect(base.mappingStamp == 0 && base.count == 0)
    }

    @Test func copyContextSharesThenDiverges() throws {
        let v = h.variable("v")
        v.set(h.rt, .str("a"))
        let copy = h.rt.copyContext()
        #expect(copy !== h.rt.currentContext())
        #expect(try copy.pyEquals(h.rt.currentContext()))
        v.set(h.rt, .str("b"))
        #expect(try copy.item(h.rt, v).isIdentical(.str("a")))
        #expect(copy.origin === h.rt.currentContext())
    }

    @Test func runEntersAndAlwaysExits() throws {
        let v = h.variable("v", default: .str("outer"))
        let ctx = h.rt.copyContext()
        let inside = try ctx.run(h.rt) { () -> String in
            #expect(h.rt.currentContext() === ctx && ctx.isEntered)
            v.set(h.rt, .str("inner"))
            return h.get(v)
        }
        #expect(inside == "inner" && h.get(v) == "outer" && !ctx.isEntered)
        // The callable raises: the context is exited, the change stays in ctx, and it runs again.
        let failure = message {
            try ctx.run(h.rt) {
                v.set(h.rt, .str("boom"))
                throw h.rt.error(.ZeroDivisionError, "division by zero")
            }
        }
        #expect(failure == "ZeroDivisionError: division by zero")
        #expect(!ctx.isEntered && h.get(v) == "outer")
        #expect(try ctx.item(h.rt, v).isIdentical(.str("boom")))
        #expect(try ctx.run(h.rt) { h.get(v) } == "boom")
    }

    @Test func reenteringAnEnteredContextFails() throws {  // E11: ctx.run(ctx.run, len)
        let ctx = h.rt.copyContext()
        let m = message { try ctx.run(h.rt) { try ctx.run(h.rt) {} } }
        #expect(m == "RuntimeError: cannot enter context: <_contextvars.Context object at 0x…> is already entered")
        #expect(!ctx.isEntered)
    }

    @Test func nestedRunRestoresEachPrevious() throws {
        let a = Context(runtime: h.rt), b = Context(runtime: h.rt)
        let base = h.rt.currentContext()
        try a.run(h.rt) {
            try b.run(h.rt) { #expect(h.rt.currentContext() === b) }
            #expect(h.rt.currentContext() === a)
        }
        #expect(h.rt.currentContext() === base)
    }

    @Test func equalityComparesMappings() throws {
        let v = h.variable("V")
        let c1 = Context(runtime: h.rt), c2 = Context(runtime: h.rt)
        #expect(try c1.pyEquals(c2))
        try c1.run(h.rt) { v.set(h.rt, .int(1)) }
        #expect(try !c1.pyEquals(c2))
        try c2.run(h.rt) { v.set(h.rt, .float(1.0)) }
        #expect(try c1.pyEquals(c2))  // {V: 1} == {V: 1.0}
    }

    @Test func baseContextIsLazyAndNeverEntered() {
        let v = h.variable("v")
        #expect(h.rt.currentThread.context == nil)
        _ = try? v.get(h.rt)
        #expect(h.rt.currentThread.context == nil)  // get() creates nothing
        let base = h.rt.currentContext()
        #expect(!base.isEntered && h.rt.currentContext() === base)
    }

    /// Persistence against a plain Dictionary reference model: every copy keeps the mapping it had
    /// when it was made while the original goes on changing.
    @Test(arguments: [1, 2, 3])
    func copiesAreUntouchedByLaterChanges(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed))
        let vars = (0..<40).map { h.variable("v\($0)") }
        var model: [ContextVar: Int] = [:]
        var snapshots: [(Context, [ContextVar: Int])] = []
        for step in 0..<2000 {
            let v = vars[Int(rng.next() % 40)]
            if rng.next() % 4 == 0, model[v] != nil {
                // remove through a token of the variable's first set in this context
                let t = v.set(h.rt, .int(-1))
                try v.reset(h.rt, t)
                v.set(h.rt, .int(step))
                model[v] = step
            } else {
                v.set(h.rt, .int(step))
                model[v] = step
            }
            if step % 50 == 0 { snapshots.append((h.rt.copyContext(), model)) }
        }
        for (ctx, expected) in snapshots {
            #expect(ctx.count == expected.count)
            for (k, value) in expected { #expect(try ctx.item(h.rt, k).isIdentical(.int(value))) }
        }
    }
}
