import Foundation
import Testing
import CtxCore
@testable import CtxLang

/// Weak-reference callbacks run at the instruction boundary after the referent's release, never
/// inside it; callbacks that make more dying objects, tens of thousands of them, containers whose
/// keys die while they are iterated and callbacks that raise all leave the program running, with
/// CPython 3.14's unraisable report.
@Suite struct WeakrefCallbackTests {
    func run(_ source: String) -> (out: String, err: String) {
        let rt = Runtime()
        var out = "", err = ""
        rt.write = { text, toErr in if toErr { err += text } else { out += text } }
        let interpreter = Interpreter(runtime: rt, seed: 1)
        _ = Program.run(source, filename: "t.py", interpreter: interpreter)
        return (out, err)
    }

    @Test func callbacksThatMakeMoreDyingObjectsAllRun() {
        let r = run("""
            import weakref
            class A: pass
            count = 0
            def chain(r):
                global count
                count += 1
                if count < 1000:
                    b = A()
                    holder.append(weakref.ref(b, chain))
            holder = []
            a = A()
            holder.append(weakref.ref(a, chain))
            del a
            print('chain', count)
            objs = [A() for _ in range(20000)]
            refs = [weakref.ref(o, lambda r: None) for o in objs]
            del objs
            print('many', sum(r() is None for r in refs))
            """)
        #expect(r.out == "chain 1000\nmany 20000\n")
        #expect(r.err.isEmpty)
    }

    @Test func keysDyingDuringAnIterationAreRemovedAfterIt() {
        let r = run("""
            import weakref
            class A: pass
            d = weakref.WeakKeyDictionary()
            keys = [A() for _ in range(10)]
            for k in keys: d[k] = 1
            seen = 0
            for k in d.keys():
                keys.clear()
                seen += 1
            print(seen, len(d))
            s = weakref.WeakSet(keys := [A() for _ in range(5)])
            for item in s:
                keys.clear()
            print(len(s), len(list(s)))
            del item
            print(len(s), list(s))
            """)
        #expect(r.out == "1 1\n1 1\n0 []\n")  // CPython 3.13's output
        #expect(r.err.isEmpty)
    }

    @Test func aRaisingOrUncallableCallbackIsReportedAndTheProgramGoesOn() {
        let r = run("""
            import weakref
            class A: pass
            x = A()
            r = weakref.ref(x, lambda r: 1 / 0)
            x = None
            print('after zero div')
            weakref.ref(A(), 5)
            print('done')
            """)
        #expect(r.out == "after zero div\ndone\n")
        #expect(r.err.hasPrefix("Exception ignored while calling weakref callback <function <lambda> at 0x"))
        #expect(r.err.contains("""
              File "t.py", line 4, in <lambda>
                r = weakref.ref(x, lambda r: 1 / 0)
            ZeroDivisionError: division by zero
            Exception ignored while calling weakref callback 5:
            Traceback (most recent call last):
              File "t.py", line 7, in <module>
                weakref.ref(A(), 5)
            TypeError: 'int' object is not callable
            """))
    }
}
