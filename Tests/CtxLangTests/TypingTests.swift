import Testing
import CtxCore
@testable import CtxLang

/// What ctxlab's `typing` (Sources/CtxLang/Lib/typing.py) and its generic aliases cannot do says
/// so; what they can do is in conformance programs 136–138, against CPython.
struct TypingTests {
    func run(_ source: String) -> String {
        let rt = Runtime()
        var out = ""
        rt.write = { text, _ in out += text }
        _ = Program.run(source, filename: "t.py", interpreter: Interpreter(runtime: rt, seed: 1))
        return out
    }

    @Test func missingPiecesSaySo() {
        let out = run("""
            import typing
            try:
                from typing import ParamSpec
            except ImportError as e:
                print(e)
            """)
        #expect(out == """
            cannot import name 'ParamSpec' from 'typing' (typing.ParamSpec exists in CPython but is not supported by ctxlab)

            """)
    }

    /// `list[int]` is an alias, no longer the class itself (it used to print `<class 'list'>`).
    @Test func builtinSubscriptsAreAliases() {
        #expect(run("print(list[int], type(list[int]).__name__, list[int] is list)\n") == "list[int] GenericAlias False\n")
    }
}
