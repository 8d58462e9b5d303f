import Foundation
import Testing
import CtxCore
@testable import CtxLang

/// Generators and async generators dropped while suspended are finalised as in CPython, but
/// never inside the Swift release that dropped them (which can be in the middle of changing a
/// container): the finaliser runs at the next instruction boundary. Deep delegation chains end
/// in RecursionError, not in a crash.
@Suite struct GeneratorLifetimeTests {
    /// Runs on a thread with the 1 GiB stack `ctxlab run` gives the interpreter (ctxlab/IO.swift):
    /// nested generators recurse in Swift, and the recursion limit must stop them first.
    func run(_ source: String) -> (out: String, err: String) {
        final class Box: @unchecked Sendable { var result: (String, String)?; var source = "" }
        let box = Box()
        box.source = source
        let thread = Thread { box.result = Self.runHere(box.source) }
        thread.stackSize = 1 << 30
        thread.start()
        let deadline = Date().addingTimeInterval(120)
        while box.result == nil && Date() < deadline { usleep(10_000) }
        return box.result ?? ("", "timed out")
    }

    static func runHere(_ source: String) -> (out: String, err: String) {
        let rt = Runtime()
        var out = "", err = ""
        rt.write = { text, toErr in if toErr { err += text } else { out += text } }
        let interpreter = Interpreter(runtime: rt, seed: 1)
        _ = Program.run(source, filename: "t.py", interpreter: interpreter)
        return (out, err.split(separator: "\n").last.map(String.init) ?? "")
    }

    /// The last reference goes away while a dict entry, a list slot or a ContextVar's value is
    /// being replaced; the finally blocks run right after, in order, and read those containers.
    @Test func finalisersRunAfterTheReplacingStore() {
        let r = run("""
            import contextvars
            V = contextvars.ContextVar('V')
            d, l = {}, [None]
            def gen(tag):
                try:
                    yield 1
                finally:
                    print('finally', tag, d.get('g'), l[0], V.get(None))
            d['g'] = gen('dict'); next(d['g'])
            d['g'] = 'replaced'
            l[0] = gen('list'); next(l[0])
            l[0] = 'replaced'
            V.set(gen('var')); next(V.get())
            V.set('replaced')
            print('end')
            """)
        #expect(r.out == "finally dict replaced None None\nfinally list replaced replaced None\n"
            + "finally var replaced replaced replaced\nend\n")
        #expect(r.err == "")
    }

    /// An unfinished async generator is registered once, weakly: one dropped mid-run is closed
    /// by the finaliser's task and not again by shutdown_asyncgens.
    @Test func droppedAsyncGeneratorIsClosedOnce() {
        let r = run("""
            import asyncio
            async def agen():
                try:
                    yield 1
                    yield 2
                finally:
                    print('closed', asyncio.current_task().get_name())
            async def main():
                async for x in agen():
                    break
                await asyncio.sleep(0)
                await asyncio.sleep(0)
                print('main done')
            asyncio.run(main())
            """)
        #expect(r.out == "closed Task-2\nmain done\n")
    }

    @Test(arguments: [
        "def deep(n):\n    if n: yield from deep(n - 1)\n    else: yield 0\nprint(list(deep(100000)))\n",
        """
        import asyncio
        async def rec(n):
            if n:
                async for x in rec(n - 1):
                    yield x
            else:
                yield 0
        async def main():
            print([x async for x in rec(100000)])
        asyncio.run(main())
        """,
    ])
    func deepDelegationRaisesRecursionError(source: String) {
        let r = run(source)
        #expect(r.err.hasPrefix("RecursionError: maximum recursion depth exceeded"))
    }
}
