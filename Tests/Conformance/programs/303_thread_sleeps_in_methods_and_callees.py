# Threads whose target is a bound method or a lambda stop where they sleep too, also in a function
# the target calls; an exception after a sleep ends the thread then (its report is on stderr).
import threading
import time


class Worker:
    def __init__(self, tag):
        self.tag = tag

    def run(self, delay):
        time.sleep(delay)
        print(self.tag, "woke")
        self.nested(delay)

    def nested(self, delay):
        time.sleep(delay)
        print(self.tag, "nested woke")
        if self.tag == "w2":
            raise ValueError("boom in " + self.tag)


def f(n):
    time.sleep(0.03)
    print("f", n)


t1 = threading.Thread(target=Worker("w1").run, args=(0.05,))
t2 = threading.Thread(target=Worker("w2").run, args=(0.07,))
t3 = threading.Thread(target=lambda: f(3))
t1.start()
t2.start()
t3.start()
print("main started", threading.active_count())
t1.join()
print("t1 joined", t2.is_alive(), threading.active_count())
t2.join()
print("t2 joined")
t3.join()
print("done", threading.active_count())
