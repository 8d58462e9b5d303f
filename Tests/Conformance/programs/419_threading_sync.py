# threading's Condition, Semaphore, BoundedSemaphore and Barrier (Python on top of the lock, as in
# CPython's Lib/threading.py), and a Lock shared by the threads of asyncio.to_thread and
# run_in_executor: a bounded job queue with producer and consumers, a connection pool that
# limits concurrency, workers that meet at a barrier, and an event loop that hands blocking work
# to threads. Every thread runs in its own context; to_thread's function runs in a copy of the
# caller's.
import asyncio
import contextvars
import threading
import time
from concurrent.futures import ThreadPoolExecutor

tenant = contextvars.ContextVar("tenant", default="nobody")

# A bounded queue on a Condition: producers wait while it is full, consumers while it is empty.
queue = []
capacity = 2
cond = threading.Condition()
consumed = []


def producer(name, items):
    tenant.set(name)
    for item in items:
        with cond:
            cond.wait_for(lambda: len(queue) < capacity)
            queue.append((tenant.get(), item))
            cond.notify_all()
        time.sleep(0.01)


def consumer(count):
    for _ in range(count):
        with cond:
            cond.wait_for(lambda: queue)
            consumed.append(queue.pop(0))
            cond.notify_all()
        time.sleep(0.01)


workers = [threading.Thread(target=producer, args=("acme", range(3))),
           threading.Thread(target=producer, args=("initech", range(3))),
           threading.Thread(target=consumer, args=(4,)),
           threading.Thread(target=consumer, args=(2,))]
for t in workers:
    t.start()
for t in workers:
    t.join()
print(sorted(consumed), queue, cond)

try:
    cond.wait()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    cond.notify()
except RuntimeError as e:
    print(type(e).__name__, e)
plain = threading.Condition(threading.Lock())
print(plain)
with plain:
    start = time.monotonic()
    print(plain.wait(0.05), plain.wait_for(lambda: False, 0.05), round(time.monotonic() - start, 1))

# wait() gives the lock up while it waits, notify() wakes the longest waiting thread first.
order = []
ready = threading.Condition()


def waiter(n):
    with ready:
        ready.wait()
        order.append(n)


sleepers = [threading.Thread(target=waiter, args=(n,)) for n in range(3)]
for t in sleepers:
    t.start()
    time.sleep(0.01)
with ready:
    ready.notify()
time.sleep(0.05)
print(order)
with ready:
    ready.notify_all()
for t in sleepers:
    t.join()
print(sorted(order), ready)

# A Semaphore limits how many threads use the connection pool at once.
pool = threading.Semaphore(2)
print(pool)
in_use = []
peak = []


def query(n):
    with pool:
        in_use.append(n)
        peak.append(len(in_use))
        time.sleep(0.04)
        in_use.remove(n)


start = time.monotonic()
clients = [threading.Thread(target=query, args=(n,)) for n in range(5)]
for t in clients:
    t.start()
for t in clients:
    t.join()
print(max(peak), round(time.monotonic() - start, 1), pool)
print(pool.acquire(), pool.acquire(), pool.acquire(blocking=False), pool.acquire(timeout=0.05), pool)
pool.release(2)
for bad in (lambda: threading.Semaphore(-1), lambda: pool.release(0),
            lambda: pool.acquire(False, 1)):
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)

bounded = threading.BoundedSemaphore(2)
print(bounded, bounded.acquire(), bounded)
bounded.release()
try:
    bounded.release()
except ValueError as e:
    print(type(e).__name__, e)
print(bounded)

# Workers meet at a Barrier; the last to arrive runs the action.
arrivals = []
barrier = threading.Barrier(3, action=lambda: arrivals.append("all here"))
print(barrier, barrier.parties, barrier.n_waiting, barrier.broken)


def stage(n):
    time.sleep(0.05 * n)
    index = barrier.wait()
    arrivals.append((n, index))


stages = [threading.Thread(target=stage, args=(n,)) for n in range(3)]
for t in stages:
    t.start()
for t in stages:
    t.join()
print(arrivals[0], sorted(arrivals[1:]), barrier)
try:
    threading.Barrier(0)
except ValueError as e:
    print(type(e).__name__, e)
lonely = threading.Barrier(2, timeout=0.05)
try:
    lonely.wait()
except threading.BrokenBarrierError as e:
    print(type(e).__name__, isinstance(e, RuntimeError), lonely.broken, lonely)
lonely.reset()
print(lonely.broken, lonely)

# The event loop hands blocking work to threads that share a Lock.
ledger_lock = threading.Lock()
ledger = []


def post(entry):
    with ledger_lock:
        time.sleep(0.01)
        ledger.append((entry, tenant.get()))
    return len(ledger)


async def handle(name, entry):
    tenant.set(name)
    return await asyncio.to_thread(post, entry)


async def main():
    print(sorted(await asyncio.gather(handle("acme", "a1"), handle("initech", "i1"), handle("acme", "a2"))))
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2) as executor:
        counts = await asyncio.gather(*(loop.run_in_executor(executor, post, f"x{n}") for n in range(3)))
    print(sorted(counts), sorted(ledger))
    opened = threading.Event()
    waiting = loop.run_in_executor(None, opened.wait, 5)
    await asyncio.sleep(0.05)
    opened.set()
    print(await waiting, tenant.get())


asyncio.run(main())
