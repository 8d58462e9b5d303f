import Testing
import CtxCore
@testable import CtxLang

/// Subclasses of dict: what conformance programs 420–421 cannot show against CPython — the
/// special methods ctxlab refuses to let a subclass define (CPython would use them), said as
/// ctxlab's limit, and instance lay-out conflicts.
struct DictSubclassTests {
    func run(_ source: String) -> String {
        let rt = Runtime()
        var out = ""
        rt.write = { text, _ in out += text }
        _ = Program.run(source, filename: "t.py", interpreter: Interpreter(runtime: rt, seed: 1))
        return out
    }

    @Test func slotsCtxlabCannotHonourAreRefusedByName() {
        for name in ["__hash__", "__new__", "__setattr__", "__getattribute__", "__delattr__", "__format__"] {
            let out = run("""
                try:
                    class Keyed(dict):
                        def \(name)(self, *args):
                            return 1
                except TypeError as e:
                    print(e)
                """)
            #expect(out == "defining \(name) in a subclass of dict is not supported by ctxlab\n")
        }
    }

    @Test func aSubclassOfASubclassKeepsItsParentsSlots() {
        let out = run("""
            from collections import Counter, defaultdict, OrderedDict
            class Tally(Counter):
                def __repr__(self):
                    return 'Tally' + repr(dict(self))
            t = Tally('aab')
            print(t, t['z'], t.most_common(1), type(t + Tally('b')).__name__)
            class Tree(defaultdict):
                def __init__(self):
                    super().__init__(Tree)
            root = Tree()
            root['a']['b']['c'] = 1
            print(root['a']['b'], type(root['x']).__name__, isinstance(root, dict))
            class Recent(OrderedDict):
                pass
            r = Recent(a=1, b=2)
            r.move_to_end('a')
            print(r, r.keys())
            """)
        #expect(out == """
            Tally{'a': 2, 'b': 1} 0 [('a', 2)] Counter
            Tree(<class '__main__.Tree'>, {'c': 1}) Tree True
            Recent({'b': 2, 'a': 1}) odict_keys(['b', 'a'])

            """)
    }

    @Test func tupleAndDictCannotBeBasesTogether() {
        let out = run("""
            try:
                class Both(tuple, dict): pass
            except TypeError as e:
                print(e)
            """)
        #expect(out == "multiple bases have instance lay-out conflict\n")
    }
}
