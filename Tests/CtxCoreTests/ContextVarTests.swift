import Testing
@testable import CtxCore

/// SEMANTICS.md §1.2–§1.6 and §1.8: ContextVar, Token, reset's checks and the reprs.
@Suite struct ContextVarTests {
    let h = Harness()

    @Test func reprsMatchCPython() throws {
        #expect(normalised(try h.variable("v").repr()) == "<ContextVar name='v' at 0x…>")
        #expect(normalised(try h.variable("d", default: .int(42)).repr()) == "<ContextVar name='d' default=42 at 0x…>")
        #expect(normalised(try h.variable("s", default: .str("x")).repr()) == "<ContextVar name='s' default='x' at 0x…>")
        #expect(normalised(try h.variable("s", default: Value.none).repr()) == "<ContextVar name='s' default=None at 0x…>")
        #expect(normalised(try h.variable("n'q").repr()) == "<ContextVar name=\"n'q\" at 0x…>")
        let v = h.variable("v")
        let t = v.set(h.rt, .int(1))
        #expect(normalised(try t.repr()) == "<Token var=<ContextVar name='v' at 0x…> at 0x…>")
        try v.reset(h.rt, t)
        #expect(normalised(try t.repr()) == "<Token used var=<ContextVar name='v' at 0x…> at 0x…>")
        #expect(normalised(try Context(runtime: h.rt).repr()) == "<_contextvars.Context object at 0x…>")
    }

    @Test func recursiveDefaultUsesListGuard() throws {
        let a = h.variable("a")
        let lst = PyList(runtime: h.rt, [.object(a)])
        let b = h.variable("b", default: .object(lst))
        lst.items.append(.object(b))
        #expect(normalised(try b.repr())
            == "<ContextVar name='b' default=[<ContextVar name='a' at 0x…>, <ContextVar name='b' default=[...] at 0x…>] at 0x…>")
    }

    @Test func getFallsBackToArgumentThenDefaultThenLookupError() throws {
        let w = h.variable("W")
        #expect(message { _ = try w.get(h.rt) } == "LookupError: <ContextVar name='W' at 0x…>")
        do {
            _ = try w.get(h.rt)
        } catch let e as PyException {
            #expect(e.args.count == 1 && e.args[0].asObject === w)  // e.args == (var,)
        }
        #expect(try w.get(h.rt, default: Value.none).isIdentical(.none))
        let d = h.variable("d", default: .int(7))
        #expect(try d.get(h.rt).isIdentical(.int(7)))
        #expect(try d.get(h.rt, default: .int(1)).isIdentical(.int(1)))
        // get() never stores: the variable stays absent.
        #expect(!h.rt.copyContext().contains(d))
    }

    @Test func mutableDefaultIsSharedByEveryContext() throws {
        let list = PyList(runtime: h.rt, [])
        let v = h.variable("lst", default: .object(list))
        (try v.get(h.rt).asObject as! PyList).items.append(.str("x"))
        let seen = try Context(runtime: h.rt).run(h.rt) { try v.get(h.rt) }
        #expect(try seen.repr() == "['x']")
    }

    @Test func setReturnsNewTokenWithOldValueOfThisContext() throws {
        let d = h.variable("d", default: .int(42))
        let t1 = d.set(h.rt, .int(1))
        #expect(t1.oldValue == nil)  // Token.MISSING although the variable has a default
        let t2 = d.set(h.rt, .int(1))
        #expect(t1 !== t2)
        #expect(try t2.oldValue!.isIdentical(.int(1)))
        #expect(t1.variable === d && t1.context === h.rt.currentContext())
    }

    @Test func resetIsNotLIFO() throws {  // E4
        let w = h.variable("W")
        let t1 = w.set(h.rt, .int(1))
        let t2 = w.set(h.rt, .int(2))
        try w.reset(h.rt, t1)
        #expect(h.get(w) == "<LookupError>")
        try w.reset(h.rt, t2)
        #expect(h.get(w) == "1")
    }

    @Test func resetRemovesInsteadOfSettingTheDefault() throws {
        let d = h.variable("d", default: .int(42))
        let t = d.set(h.rt, .int(1))
        try d.reset(h.rt, t)
        #expect(!h.rt.currentContext().contains(d))
        #expect(h.get(d) == "42")
    }

    @Test func resetChecksInCPythonOrder() throws {
        let w = h.variable("W"), x = h.variable("X")
        let t = w.set(h.rt, .int(1))
        try w.reset(h.rt, t)
        // E5: used token.
        #expect(message { try w.reset(h.rt, t) }
            == "RuntimeError: <Token used var=<ContextVar name='W' at 0x…> at 0x…> has already been used once")
        // E6: a used token of another var: the used-check wins.
        #expect(message { try x.reset(h.rt, t) }?.hasPrefix("RuntimeError:") == true)
        // E7: another context, same var.
        let t2 = w.set(h.rt, .int(2))
        let other = h.rt.copyContext()
        #expect(message { try other.run(h.rt) { try w.reset(h.rt, t2) } }
            == "ValueError: <Token var=<ContextVar name='W' at 0x…> at 0x…> was created in a different Context")
        // another var *and* another context: "different ContextVar" wins.
        #expect(message { try other.run(h.rt) { try x.reset(h.rt, t2) } }
            == "ValueError: <Token var=<ContextVar name='W' at 0x…> at 0x…> was created by a different ContextVar")
        // A failed check does not use the token.
        try w.reset(h.rt, t2)
    }

    @Test func tokenContextManagerExitResets() throws {  // 3.14 Token.__exit__
        let w = h.variable("W", default: .str("d"))
        let t = w.set(h.rt, .str("in with"))
        #expect(h.get(w) == "in with")
        try t.exit(h.rt)
        #expect(h.get(w) == "d")
        #expect(message { try t.exit(h.rt) }?.contains("has already been used once") == true)
    }

    @Test func identityEquality() {
        let a = h.variable("v"), b = h.variable("v")
        #expect(a == a && a != b)
        #expect(Set([a, b, a]).count == 2)
    }
}
