/// Inputs for the REPL engine: statements with top-level `await`, tasks left running, contexts
/// and variables holding edge values (so that the live tree draws them), meta-commands with edge
/// arguments, `:undo` replays.
enum SessionScripts {
    static let metaCommands: [String] = [
        ":tree", ":tree on", ":tree off", ":vars", ":tasks", ":loop", ":time", ":step", ":step 0", ":step -1",
        ":step 9223372036854775807", ":step 99999999999999999999", ":step 1000000", ":step abc", ":mode manual",
        ":mode auto", ":mode x", ":undo", ":undo", ":reset", ":hints on", ":hints off", ":help", ":", ":: ",
        ":xyz", ":t", ":s 5", ":load /nonexistent", ":save /dev/full", ":record x.pycon", ":quit", ":u", ":m m",
        ":step 2**63", ":tree \u{1B}[2J", ":step \u{0}",
    ]

    static let templates: [Template] = [
        Template("v = ContextVar($S, default=$V)"),
        Template("v = ContextVar('v')\nv.set($V)"),
        Template("w = ContextVar($V)"),
        Template("v = ContextVar('v\\n\\x1b[31mred\\x1b[0m\\t' * 3)\nv.set('\\x1b]0;title\\x07' + 'x' * 200)"),
        Template("v = ContextVar('x' * 10**5)\nv.set('y' * 10**5)"),
        Template("t = asyncio.create_task(asyncio.sleep($N))"),
        Template("t = asyncio.create_task(asyncio.sleep($N, $V), name=$V)"),
        Template("await asyncio.sleep($N)"),
        Template("await t"),
        Template("t.cancel($V)"),
        Template("ctx = copy_context()"),
        Template("ctx.run(v.set, $V)"),
        Template("ctxs = [copy_context() for _ in range($z)]", budget: 3_000),
        Template("tasks = [asyncio.create_task(asyncio.sleep(i % 5)) for i in range($z)]", budget: 3_000),
        Template("vs = [ContextVar(str(i)) for i in range($z)]\nfor x in vs:\n    x.set(x)", budget: 3_000),
        Template("while True:\n    await asyncio.sleep(1)"),
        Template("while True:\n    pass"),
        Template("async def f(n):\n    if n:\n        asyncio.create_task(f(n - 1))\n    await asyncio.sleep(100)\n\nt = asyncio.create_task(f($z))", budget: 3_000),
        Template("async def f(n):\n    v.set(n)\n    if n:\n        await asyncio.create_task(f(n - 1))\n\nawait f($z)", budget: 3_000),
        Template("c = Context()\nfor _ in range($z):\n    c = c.run(copy_context)", budget: 3_000),
        Template("async def g(n):\n    if n:\n        asyncio.create_task(g(n - 1))\n    await asyncio.sleep(100)\n\nt = asyncio.create_task(g($N))", budget: 3_000),
        Template("v.set([v, copy_context(), asyncio.current_task()])"),
        Template("a = []\nfor _ in range(30000):\n    a = [a]\n\nv = ContextVar('deep')\nv.set(a)", budget: 3_000),
        Template("import threading\nth = threading.Thread(target=v.set, args=($V,))\nth.start()"),
        Template("loop = asyncio.get_running_loop()\nloop.call_later($N, v.set, $V)"),
        Template("exit($V)"),
        Template("raise $V"),
        Template("import sys\nsys.exit($V)"),
        Template("async with asyncio.timeout($N):\n    await asyncio.sleep($N)"),
        Template("async with asyncio.TaskGroup() as tg:\n    tg.create_task(asyncio.sleep($N))"),
        Template("help($V)"),
        Template("help()"),
        Template("_"),
        Template("$V"),
    ]

    /// A session of 2–10 inputs.
    static func script(_ r: inout FuzzRandom, _ prelude: inout Prelude, calls: EdgeCalls) -> (String, Int) {
        var out = ""
        var budget = FuzzCase.defaultPollBudget
        for _ in 0..<r.inRange(2, 10) {
            switch r.below(10) {
            case 0, 1: out += r.pick(metaCommands) + "\n"
            case 2, 3:
                let s = calls.statement(&r, &prelude)
                out += s.lines.joined(separator: "\n") + "\n\n"
            default:
                let t = r.pick(templates)
                budget = max(budget, t.budget)
                let text = t.fill(&r, &prelude)
                out += text + (text.contains("\n") ? "\n\n" : "\n")
            }
        }
        return (out, budget)
    }
}
