/// Source templates with holes: `$V` any edge value, `$N` a number, `$S` a string, `$Z` a size, `$z` a size that stays affordable,
/// `$C` a callable. Filled from `EdgeValues` at generation time.
struct Template {
    var text: String
    var isAsync: Bool
    /// Poll budget for the case (stress templates need room to build what they stress).
    var budget: Int

    init(_ text: String, async isAsync: Bool = false, budget: Int = FuzzCase.defaultPollBudget) {
        self.text = text
        self.isAsync = isAsync
        self.budget = budget
    }

    func fill(_ r: inout FuzzRandom, _ prelude: inout Prelude) -> String {
        var out = ""
        var chars = Substring(text)
        while let c = chars.first {
            chars = chars.dropFirst()
            guard c == "$", let hole = chars.first else {
                out.append(c)
                continue
            }
            chars = chars.dropFirst()
            switch hole {
            case "V": out += EdgeValues.any(&r, &prelude)
            case "N": out += EdgeValues.number(&r)
            case "S": out += r.pick(EdgeValues.strings)
            case "Z": out += r.pick(EdgeValues.sizes)
            case "z": out += r.pick(EdgeValues.smallSizes)
            case "C": out += r.pick(EdgeValues.callables)
            default: out += "$" + String(hole)
            }
        }
        return out
    }
}

/// contextvars and asyncio used the ways programs use them, with edge values in the arguments.
enum Scenarios {
    static let templates: [Template] = [
        Template("_v = contextvars.ContextVar($S, default=$V)\n_t = _v.set($V)\nprint(_v.get(), _v.get($V))\n_v.reset(_t)\n_v.reset(_t)"),
        Template("_v = contextvars.ContextVar($V)\nprint(repr(_v))"),
        Template("_v = contextvars.ContextVar('v')\n_c = contextvars.copy_context()\nprint(_c.run(_v.set, $V), _c[_v], _v in _c, len(_c), _c.get(_v, $V))"),
        Template("_c = contextvars.copy_context()\n_c.run(_c.run, $C, $V)"),
        Template("_c = contextvars.Context($V)"),
        Template("_c = contextvars.copy_context()\nprint(_c[$V])"),
        Template("_v = contextvars.ContextVar('v')\nwith _v.set($V) as _t:\n    print(_t.var, _t.old_value)\nprint(_v.get($V))"),
        Template("_v = contextvars.ContextVar('v')\n_v.reset($V)"),
        Template("_vs = [contextvars.ContextVar(str(i)) for i in range($Z)]\n_c = contextvars.copy_context()\nfor _x in _vs:\n    _c.run(_x.set, _x)\nprint(len(_c), list(_c.items())[:3])", budget: 3_000),
        Template("_v = contextvars.ContextVar('v')\ndef _f(n):\n    _v.set(n)\n    if n > 0:\n        contextvars.copy_context().run(_f, n - 1)\n_f($N)"),
        Template("contextvars.copy_context().run($C, $V)"),
        Template("_v = contextvars.ContextVar('v', default=$V)\n_tok = _v.set($V)\nprint(_tok, _v, contextvars.Token.MISSING, _tok.old_value)"),
        Template("await asyncio.sleep($N)", async: true),
        Template("await asyncio.sleep($N, $V)", async: true),
        Template("print(await asyncio.wait_for(asyncio.sleep($N, $V), $N))", async: true),
        Template("async with asyncio.timeout($N):\n    await asyncio.sleep($N)", async: true),
        Template("async with asyncio.timeout($N) as _tm:\n    _tm.reschedule($N)\n    await asyncio.sleep($N)", async: true),
        Template("print(await asyncio.gather($V, return_exceptions=$V))", async: true),
        Template("print(await asyncio.gather(*[asyncio.sleep($N, i) for i in range($Z)]))", async: true, budget: 3_000),
        Template("_t = asyncio.current_task()\nprint(await asyncio.gather(_t))", async: true),
        Template("_g = asyncio.gather(asyncio.current_task())\n_g.cancel()\nawait asyncio.sleep(0)", async: true),
        Template("_t = asyncio.create_task(asyncio.sleep($N))\n_t.cancel($V)\n_t.cancel()\nprint(_t.cancelling(), _t.uncancel(), _t.uncancel())\ntry:\n    await _t\nexcept asyncio.CancelledError as _e:\n    print(repr(_e))", async: true),
        Template("_t = asyncio.create_task(asyncio.sleep($N, $V), name=$V, context=$V)\nprint(await _t, _t.get_name())", async: true),
        Template("_t = asyncio.create_task($V)\nawait _t", async: true),
        Template("print(await asyncio.shield($V))", async: true),
        Template("_l = asyncio.get_running_loop()\n_h = _l.call_later($N, print, $V)\n_h2 = _l.call_at($N, print)\n_l.call_soon($C, $V)\nprint(_h.when(), _h2)\nawait asyncio.sleep($N)", async: true),
        Template("_l = asyncio.get_running_loop()\nprint(await _l.run_in_executor($V, $C, $V))", async: true),
        Template("print(await asyncio.to_thread($C, $V))", async: true),
        Template("_q = asyncio.Queue($V)\n_q.put_nowait($V)\nprint(_q.qsize(), await asyncio.wait_for(_q.get(), $N))", async: true),
        Template("_s = asyncio.Semaphore($V)\nasync with _s:\n    print(_s.locked())", async: true),
        Template("_e = asyncio.Event()\nasyncio.get_running_loop().call_later($N, _e.set)\nprint(await _e.wait())", async: true),
        Template("async with asyncio.TaskGroup() as _tg:\n    _tg.create_task(asyncio.sleep($N))\n    _tg.create_task($V)", async: true),
        Template("async with asyncio.TaskGroup() as _tg:\n    for _i in range($Z):\n        _tg.create_task(asyncio.sleep(_i % 7))", async: true, budget: 3_000),
        Template("async def _boom():\n    raise ValueError($V)\nasync with asyncio.TaskGroup() as _tg:\n    _tg.create_task(_boom())\n    _tg.create_task(asyncio.sleep($N))", async: true),
        Template("_done, _pending = await asyncio.wait([asyncio.create_task(asyncio.sleep($N))], timeout=$N, return_when=$V)\nprint(len(_done), len(_pending))", async: true),
        Template("print(asyncio.current_task().cancel($V))\nawait asyncio.sleep(0)", async: true),
        Template("_x = asyncio.sleep(0)\nfor _ in range($Z):\n    _x = asyncio.gather(_x)\nawait _x", async: true, budget: 3_000),
        Template("_x = asyncio.sleep(1)\nfor _ in range($Z):\n    _x = asyncio.gather(_x)\n_x.cancel()\nawait asyncio.sleep(2)", async: true, budget: 3_000),
        Template("_x = asyncio.ensure_future(asyncio.sleep(1))\nfor _ in range($Z):\n    _x = asyncio.shield(_x)\n_x.cancel()\nawait asyncio.sleep(2)", async: true, budget: 3_000),
        Template("async def _chain(n):\n    if n > 0:\n        await asyncio.create_task(_chain(n - 1))\nawait _chain($N)", async: true, budget: 3_000),
        Template("async def _rec():\n    await _rec()\nawait _rec()", async: true),
        Template("_f = asyncio.get_running_loop().create_future()\n_f.set_result($V)\n_f.add_done_callback($C)\nprint(_f.result(), _f.exception())\n_f.set_exception($V)", async: true),
        Template("_f = asyncio.get_running_loop().create_future()\n_f.set_exception($V)\nprint(await _f)", async: true),
        Template("_r = asyncio.Runner()\nprint(_r.run($V))\n_r.close()\n_r.close()"),
        Template("print(asyncio.run($V))"),
        Template("print(asyncio.run(asyncio.sleep($N, $V)))"),
        Template("_th = threading.Thread(target=$C, args=($V,))\n_th.start()\n_th.join($N)\nprint(_th.is_alive())"),
        Template("_th = threading.Thread(target=$C, context=$V)\n_th.start()\n_th.start()"),
        Template("_ex = concurrent.futures.ThreadPoolExecutor($V)\n_fu = _ex.submit($C, $V)\nprint(_fu.result($N))\n_ex.shutdown($V)"),
        Template("_p = functools.partial($C, $V)\nfor _ in range($Z):\n    _p = functools.partial(_p)\nprint(_p())", budget: 3_000),
        Template("_d = threading.local()\n_d.x = $V\nprint(_d.x)"),
        Template("time.sleep($N)\nprint(time.monotonic(), time.time())"),
        Template("print(uuid.UUID($V))"),
        Template("sys.setrecursionlimit($N)\ndef _f(n):\n    return _f(n + 1)\n_f(0)"),
        Template("print(sys.getrecursionlimit(), sys.maxsize, sys.set_int_max_str_digits($N))\nprint(str(10**5000)[:10])"),
    ]

    static func statement(_ r: inout FuzzRandom, _ prelude: inout Prelude) -> (Statement, Int) {
        let t = r.pick(templates)
        let text = t.fill(&r, &prelude)
        prelude.importModules(usedIn: text)
        let body = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return (Statement.guarded(body, isAsync: t.isAsync, report: r.chance(0.3)), t.budget)
    }
}
