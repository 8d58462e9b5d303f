# Subclasses of threading.Thread (issue 14): run() overridden (a per-thread request id in a ContextVar,
# workers that sleep and take a lock), super().__init__ with name=, target= and args=, __repr__, name
# and daemon set before start, the errors.
import contextvars, threading, time
request_id = contextvars.ContextVar("request_id", default="-")
results = []
lock = threading.Lock()
class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__(name=f"worker-{n}")
        self.n = n
        self.daemon = False
    def run(self):
        request_id.set(f"req-{self.n}")
        time.sleep(0.01 * self.n)
        with lock:
            results.append((self.name, request_id.get(), threading.current_thread() is self))
ws = [Worker(i) for i in range(3)]
print(ws[0], type(ws[0]).__name__, isinstance(ws[0], threading.Thread), ws[0].is_alive())
for w in ws: w.start()
for w in ws: w.join()
print(sorted(results), request_id.get(), ws[0].n, ws[1].is_alive())
class Plain(threading.Thread):
    pass
def job(x, out): out.append(x * 2)
out = []
p = Plain(target=job, args=(21, out)); p.start(); p.join(); print(out, p.name.startswith("Thread-"), "(job)" in p.name)
class Named(threading.Thread):
    def __repr__(self): return f"<Named {self.name}>"
print(repr(Named(name="n1")))
t = threading.Thread(target=lambda: None, name="x")
t.name = "renamed"; t.daemon = True; print(t.name, t.daemon)
t.start(); t.join()
try:
    t.daemon = False
except RuntimeError as e:
    print(e)
try:
    ws[0].start()
except RuntimeError as e:
    print(e)

fired = []
t = threading.Timer(0.05, fired.append, args=("go",))
print(isinstance(t, threading.Thread), type(t).__name__, repr(t).split(",")[0])
t.start(); t.join(); print(fired)
c = threading.Timer(10, fired.append, args=("never",)); c.start(); c.cancel(); c.join(); print(fired, c.finished.is_set())
