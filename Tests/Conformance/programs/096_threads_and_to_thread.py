# threading.Thread (target, args, name), join, threading.local, current_thread().name,
# asyncio.to_thread (args and kwargs, exceptions), and the contexts threads see.
import asyncio
import threading
from contextvars import ContextVar

V = ContextVar('V', default='dflt')
local = threading.local()
results = []

def worker(tag):
    results.append((tag, threading.current_thread().name, V.get(), getattr(local, 'x', 'unset')))
    local.x = tag

V.set('main value')
local.x = 'main'
print(threading.current_thread().name, threading.current_thread() is threading.main_thread())
t = threading.Thread(target=worker, args=('t1',), name='worker-1')
t.start()
t.join()
t2 = threading.Thread(target=worker, kwargs={'tag': 't2'}, name='worker-2')
t2.start()
t2.join()
print(results, local.x, t.is_alive())

def add(a, b, *, scale=1):
    return (a + b) * scale, V.get()

def broken():
    raise OSError('in thread')

async def main():
    V.set('async value')
    print(await asyncio.to_thread(add, 1, 2, scale=10))
    try:
        await asyncio.to_thread(broken)
    except OSError as e:
        print('OSError:', e)
    print(V.get())

asyncio.run(main())
