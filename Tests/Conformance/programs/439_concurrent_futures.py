# concurrent.futures on the simulated threads: submit (a function runs in the worker's context,
# ctx.run carries the caller's), Future.result/exception/done/cancel/add_done_callback with timeouts,
# map, wait (FIRST_COMPLETED, FIRST_EXCEPTION), as_completed in finishing order, Future() by hand.
import contextvars
from concurrent.futures import ThreadPoolExecutor
rid = contextvars.ContextVar("rid", default="-")
def work(n):
    return f"{n} {rid.get()}"
rid.set("req-1")
seen = []
with ThreadPoolExecutor(max_workers=2, thread_name_prefix="w") as ex:
    f1 = ex.submit(work, 1)
    f2 = ex.submit(contextvars.copy_context().run, work, 2)
    print(f1.result())
    print(f2.result(), f2.done(), f2.exception())
    print(list(ex.map(work, [3, 4])))
    bad = ex.submit(lambda: 1 / 0)
    try: bad.result()
    except ZeroDivisionError as e: print("raised", e, type(bad.exception()).__name__, bad)
    f3 = ex.submit(work, 5)
    f3.result()
    f3.add_done_callback(lambda f: seen.append(f.result()))
print(seen, f1)
import time, contextvars
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED, FIRST_EXCEPTION, TimeoutError, Future, CancelledError
user = contextvars.ContextVar("user", default="anonymous")
def job(name, delay):
    time.sleep(delay)
    return f"{name} as {user.get()}"
def boom(delay):
    time.sleep(delay)
    raise ValueError("bad")
user.set("alice")
start = time.monotonic()
with ThreadPoolExecutor(max_workers=3) as ex:
    fs = {ex.submit(job, n, d): n for n, d in [("slow", 0.3), ("fast", 0.1), ("mid", 0.2)]}
    for f in as_completed(fs):
        print(fs[f], f.result(), round(time.monotonic() - start, 1))
    ctx_fs = [ex.submit(contextvars.copy_context().run, job, "ctx", 0.1)]
    print(ctx_fs[0].result(), isinstance(ctx_fs[0], Future))
    f = ex.submit(job, "late", 0.5)
    try:
        f.result(timeout=0.1)
    except TimeoutError:
        print("timed out", f.done(), f.running())
    print(f.result(), f.done())
    a, b = ex.submit(job, "a", 0.1), ex.submit(boom, 0.05)
    done, not_done = wait([a, b], return_when=FIRST_EXCEPTION)
    print(sorted(len(x) for x in (done, not_done)), b in done, type(b.exception()).__name__)
    done, not_done = wait([ex.submit(job, "x", 0.4), ex.submit(job, "y", 0.1)], return_when=FIRST_COMPLETED)
    print(len(done), len(not_done), [d.result() for d in done])
    print(list(ex.map(job, ["m1", "m2"], [0.2, 0.1])))
    r = wait([a, b]); print(type(r).__name__, r._fields)
print(round(time.monotonic() - start, 1))
import time as _time
from concurrent.futures import ThreadPoolExecutor, CancelledError
def job(d):
    _time.sleep(d); return d
with ThreadPoolExecutor(max_workers=1) as ex:
    a = ex.submit(job, 0.2)
    b = ex.submit(job, 0.1)
    print(b.cancel(), b.cancelled(), a.cancel(), b.done())
    try: b.result()
    except CancelledError as e: print("cancelled", type(e).__module__, repr(e))
    print(a.result(), repr(b)[-16:])
    b.add_done_callback(lambda f: print("cb on cancelled", f.cancelled()))
    try: ex.submit()
    except TypeError as e: print(e)
    c = ex.submit(job, d=0.1); print(c.result())
try: ex.submit(job, 1)
except RuntimeError as e: print(e)
from concurrent.futures import Future, InvalidStateError, wait
f = Future()
print(f, f.done(), f.set_running_or_notify_cancel(), f.running())
f.add_done_callback(lambda x: print("done:", x.result()))
f.set_result(42)
print(f.result(), f)
try: f.set_result(1)
except InvalidStateError as e: print("InvalidStateError", e.__class__.__module__)
g = Future(); g.set_exception(KeyError("k")); print(repr(g.exception()), g)
print(wait([f, g]).not_done)
