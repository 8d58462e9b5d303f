# A thread whose target sleeps gives up the GIL there: the thread that started it goes on, and
# the sleeper's next lines run when it wakes, interleaved by time with the other threads (the
# starter's own time.sleep and join() let them run). ctxlab used to run a started thread to its
# end inside start(), so everything it printed came before the starter's next line. Daemon
# threads are not waited for at exit. Every thread sleeps before it prints: what a new thread
# prints before its first block races with its starter in CPython.
import threading
import time

log = []


def worker(tag, delays):
    for d in delays:
        time.sleep(d)
        print(tag, "after", d)
        log.append(tag)
    print(tag, "end")
    return tag


def ticker():
    while True:
        time.sleep(0.175)
        print("daemon tick", len(log))


a = threading.Thread(target=worker, args=("a", [0.05, 0.1, 0.1]))  # prints at 0.05, 0.15, 0.25
b = threading.Thread(target=worker, args=("b", [0.1, 0.2]))  # prints at 0.1, 0.3
d = threading.Thread(target=ticker, daemon=True)  # ticks at 0.175, 0.35 (after the end)
a.start()
b.start()
d.start()
print("started", a.is_alive(), b.is_alive(), log)
time.sleep(0.2)
print("main woke", log)
a.join()
print("a joined", a.is_alive(), b.is_alive(), log)
b.join()
print("b joined", b.is_alive(), log)
print("daemon alive", d.is_alive())
