# Thread.start() waits until the new thread has started, and the new thread keeps the GIL: a
# short target has run when start() returns. A target that sleeps lets start() return at once
# (ctxlab: the thread runs on its own timeline); join() waits for its end; sleepers started
# together sleep in parallel.
import threading
import time

log = []

def target(tag):
    log.append(tag)

t = threading.Thread(target=target, args=('short target',))
t.start()
print('after start:', log)
t.join()
print(threading.active_count())

def sleeper():
    time.sleep(0.2)

t0 = time.monotonic()
t = threading.Thread(target=sleeper)
t.start()
print('start returned after', round(time.monotonic() - t0, 1), t.is_alive())
t.join()
print('join returned after', round(time.monotonic() - t0, 1), t.is_alive())
threads = [threading.Thread(target=sleeper) for _ in range(3)]
t0 = time.monotonic()
for th in threads:
    th.start()
print('alive:', [th.is_alive() for th in threads])
for th in threads:
    th.join()
print('three sleepers in parallel', round(time.monotonic() - t0, 1))
