# threading.Lock and RLock in a threaded request handler: each request keeps its id in a
# ContextVar (every thread starts with an empty context on 3.13), a Lock protects the shared
# statistics (the sleep inside it would lose updates without it), a thread blocked on a lock held
# by another waits until it is released, and a pool of workers waits on an Event. Before, ctxlab
# had no threading.Lock ("exists in CPython but is not supported by ctxlab").
import contextvars
import threading
import time

request_id = contextvars.ContextVar("request_id", default="-")
stats_lock = threading.Lock()
stats = {"requests": 0, "bytes": 0}
served = []


def record(nbytes):
    with stats_lock:
        seen = stats["requests"]
        time.sleep(0.001)
        stats["requests"] = seen + 1
        stats["bytes"] += nbytes
        served.append(request_id.get())


def handle(rid, sizes):
    request_id.set(rid)
    for n in sizes:
        record(n)
    return request_id.get()


results = {}


def worker(rid, sizes):
    results[rid] = handle(rid, sizes)


threads = [threading.Thread(target=worker, args=(f"req-{i}", [10 * i, 5])) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(stats, sorted(served))
print(sorted(results.items()), request_id.get())

# A thread started in a copy of the main thread's context sees its values; its writes stay there.
request_id.set("main-request")
ctx = contextvars.copy_context()
seen = []


def in_copy():
    seen.append(request_id.get())
    with stats_lock:
        request_id.set("set in thread")
    seen.append(request_id.get())


t = threading.Thread(target=ctx.run, args=(in_copy,))
t.start()
t.join()
print(seen, request_id.get(), ctx[request_id], t.name)

# The lock's own API and its errors.
lock = threading.Lock()
print(type(lock), threading.Lock is type(lock), lock)
print(lock.locked(), lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
print(lock)
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print(type(e).__name__, e)
for kwargs in ({"blocking": False, "timeout": 1}, {"timeout": -5}, {"timeout": "soon"},
               {"timeout": float("nan")}, {"timeout": None}, {"wait": True}):
    try:
        lock.acquire(**kwargs)
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
with lock as entered:
    print("inside", entered, lock.locked())
print("outside", lock.locked(), lock.acquire(True, -1), lock.acquire(blocking=False))
lock.release()

# A thread that finds the lock held: a timeout gives up, a plain acquire waits for the release.
gate = threading.Lock()
events = []


def contender():
    request_id.set("contender")
    events.append(("tried", gate.acquire(timeout=0.05)))
    gate.acquire()
    events.append(("got it", request_id.get()))
    gate.release()


gate.acquire()
t = threading.Thread(target=contender)
t.start()
time.sleep(0.1)
events.append(("main releases", gate.locked()))
gate.release()
t.join()
print(events, gate.locked())

# RLock: the owner may acquire it again; only the owner may release it.
rlock = threading.RLock()
print(type(rlock), rlock)


def nested(depth):
    with rlock:
        if depth:
            return nested(depth - 1)
        return rlock._recursion_count(), rlock._is_owned()


print(nested(3), rlock)
try:
    rlock.release()
except RuntimeError as e:
    print(type(e).__name__, e)
rlock.acquire()
intruder_saw = []


def intruder():
    try:
        rlock.release()
    except RuntimeError as e:
        intruder_saw.append(str(e))
    intruder_saw.append(rlock.acquire(blocking=False))
    intruder_saw.append(rlock._is_owned())


t = threading.Thread(target=intruder)
t.start()
t.join()
print(intruder_saw, rlock.acquire(), rlock._recursion_count())
rlock.release()
rlock.release()
print(rlock)
for args in ((False, 1), (True, -2)):
    try:
        rlock.acquire(*args)
    except ValueError as e:
        print(type(e).__name__, e)

# A pool of workers waits on an Event until the main thread opens the gate.
go = threading.Event()
ready = []
done = []


def pool_worker(n):
    request_id.set(f"job-{n}")
    ready.append(n)
    go.wait()
    with stats_lock:
        done.append((n, request_id.get()))


pool = [threading.Thread(target=pool_worker, args=(n,)) for n in range(3)]
for t in pool:
    t.start()
time.sleep(0.1)
print(sorted(ready), done, go.is_set(), go)
go.set()
for t in pool:
    t.join()
print(sorted(done), go.wait(0), go)
go.clear()
start = time.monotonic()
print(go.wait(0.12), round(time.monotonic() - start, 1), go.is_set())

# A Timer calls its function after the interval, unless cancelled first.
fired = []
timer = threading.Timer(0.1, fired.append, args=["tick"])
timer.start()
timer.join()
cancelled = threading.Timer(10, fired.append, args=["never"])
cancelled.start()
cancelled.cancel()
cancelled.join()
print(fired, cancelled.finished.is_set(), timer.is_alive())

# join(timeout) gives up while the thread still waits; it ends once the event is set.
shutdown = threading.Event()
service = threading.Thread(target=shutdown.wait)
service.start()
service.join(timeout=0.05)
print("still serving:", service.is_alive())
shutdown.set()
service.join()
print("stopped:", not service.is_alive())
