# logging.config.dictConfig as a web service configures it (a filter class that copies a request
# id from a ContextVar, formatters, handlers writing to ext://sys.stdout, loggers, propagate, the
# root), cfg:// references, '()' factories and '.' attributes, disable_existing_loggers,
# incremental, the errors; logging.handlers' MemoryHandler, QueueHandler and QueueListener over a
# queue.Queue; and queue's Queue, LifoQueue, PriorityQueue and SimpleQueue.
import logging
import logging.config
import logging.handlers
import queue
import threading
import time
from contextvars import ContextVar, copy_context

request_id = ContextVar("request_id", default="-")


class RequestIdFilter(logging.Filter):
    def __init__(self, prefix=""):
        super().__init__()
        self.prefix = prefix

    def filter(self, record):
        record.request_id = self.prefix + request_id.get()
        return True


class ListHandler(logging.Handler):
    def __init__(self, tag="list"):
        super().__init__()
        self.tag = tag
        self.lines = []

    def emit(self, record):
        self.lines.append(self.format(record))


old = logging.getLogger("legacy")
old_child = logging.getLogger("app.db.pool")

logging.config.dictConfig({
    "version": 1,
    "disable_existing_loggers": True,
    "filters": {"rid": {"()": RequestIdFilter, "prefix": "req-"}},
    "formatters": {
        "plain": {"format": "%(levelname)s [%(request_id)s] %(name)s: %(message)s"},
        "brace": {"format": "{levelname}:{name}:{message}", "style": "{"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["rid"], "formatter": "plain",
                    "stream": "ext://sys.stdout", "level": "DEBUG"},
        "memory": {"()": ListHandler, "tag": "mem", "formatter": "brace", ".": {"extra": 42}},
        "buffer": {"class": "logging.handlers.MemoryHandler", "capacity": 10, "flushLevel": "ERROR",
                   "target": "memory"},
    },
    "loggers": {
        "app": {"level": "INFO", "handlers": ["console"], "propagate": False},
        "app.db": {"level": "DEBUG", "handlers": ["buffer"]},
    },
    "root": {"level": "WARNING", "handlers": ["memory"]},
})

log = logging.getLogger("app")
db = logging.getLogger("app.db")
print(old.disabled, old_child.disabled, logging.getLogger("app.db.pool").level)
print(sorted(logging.getHandlerNames()))
mem = logging.getHandlerByName("memory")
print(type(mem).__name__, mem.tag, mem.extra, mem.level, type(logging.getHandlerByName("buffer").target).__name__)

log.info("starting")
log.debug("not shown: app is at INFO")


def handle(rid):
    request_id.set(rid)
    log.warning("handling")
    db.info("query")


for rid in ("a1", "b2"):
    copy_context().run(handle, rid)
log.info("after the requests")
print(mem.lines)
db.error("flushes the buffer")
print(mem.lines)
logging.getLogger("other").warning("root gets it")
print(mem.lines[-1])

# cfg:// reaches another part of the configuration; ext:// an object by name.
logging.config.dictConfig({
    "version": 1,
    "custom": {"levels": ["DEBUG", "ERROR"], "who": {"name": "svc"}},
    "handlers": {"h": {"()": ListHandler, "tag": "cfg://custom.who.name"}},
    "loggers": {"svc": {"level": "cfg://custom.levels[1]", "handlers": ["h"]}},
})
svc = logging.getLogger("svc")
print(svc.level, logging.getHandlerByName("h").tag, log.disabled, db.disabled)
svc.error("e")
svc.warning("dropped")
print(logging.getHandlerByName("h").lines)

# incremental: only levels change
logging.config.dictConfig({"version": 1, "incremental": True,
                           "handlers": {"h": {"level": "CRITICAL"}},
                           "loggers": {"svc": {"level": "DEBUG"}}})
print(svc.level, logging.getHandlerByName("h").level, len(svc.handlers))


def bad(config):
    try:
        logging.config.dictConfig(config)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e, "|", repr(e.__cause__))


bad({})
bad({"version": 2})
bad({"version": 1, "handlers": {"x": {"class": "logging.NoSuchHandler"}}})
bad({"version": 1, "handlers": {"x": {"class": "logging.StreamHandler", "formatter": "missing"}}})
bad({"version": 1, "loggers": {"a": {"handlers": ["nope"]}}})
bad({"version": 1, "handlers": {"x": {"()": ListHandler, "not-an-ident": 1}}})
bad({"version": 1, "incremental": True, "handlers": {"ghost": {}}})
bad({"version": 1, "root": {"level": "LOUD"}})
print(logging.config.valid_ident("ok_1"))

# QueueHandler and QueueListener: records cross to a listener thread.
q = queue.Queue()
sink = ListHandler()
sink.setFormatter(logging.Formatter("%(threadName)s %(levelname)s %(message)s"))
listener = logging.handlers.QueueListener(q, sink)
qlog = logging.getLogger("queued")
qlog.propagate = False
qlog.addHandler(logging.handlers.QueueHandler(q))
qlog.setLevel(logging.INFO)
listener.start()
qlog.info("one %d", 1)
qlog.warning("two")
listener.stop()
listener.stop()
print(sink.lines, q.qsize())

# dictConfig of a QueueHandler builds its listener.
logging.config.dictConfig({
    "version": 1,
    "handlers": {
        "sink": {"()": ListHandler},
        "q": {"class": "logging.handlers.QueueHandler", "handlers": ["sink"], "respect_handler_level": True},
    },
    "loggers": {"qq": {"handlers": ["q"], "level": "INFO"}},
})
qh = logging.getHandlerByName("q")
print(type(qh.queue).__name__, type(qh.listener).__name__, qh.listener.respect_handler_level,
      [type(h).__name__ for h in qh.listener.handlers])
qh.listener.start()
logging.getLogger("qq").info("via dictConfig")
qh.listener.stop()
print(logging.getHandlerByName("sink").lines)

# queue itself.
q = queue.Queue(maxsize=2)
q.put(1)
q.put_nowait(2)
print(q.full(), q.qsize(), q.empty())
try:
    q.put_nowait(3)
except queue.Full:
    print("Full")
try:
    q.put(3, timeout=0.5)
except queue.Full as e:
    print("Full after timeout", repr(e))
print(q.get(), q.get_nowait())
try:
    q.get_nowait()
except queue.Empty as e:
    print("Empty", repr(e), queue.Empty.__module__)
try:
    q.get(timeout=-1)
except ValueError as e:
    print(e)
try:
    q.task_done(); q.task_done(); q.task_done()
except ValueError as e:
    print(e)

lq = queue.LifoQueue()
pq = queue.PriorityQueue()
for x in (3, 1, 2):
    lq.put(x)
    pq.put((x, str(x)))
print([lq.get() for _ in range(3)], [pq.get() for _ in range(3)])
sq = queue.SimpleQueue()
sq.put("a")
sq.put_nowait("b")
print(sq.qsize(), sq.get(), sq.get_nowait(), sq.empty(), type(sq))
try:
    sq.get(timeout=0.1)
except queue.Empty:
    print("SimpleQueue empty")
print(queue.Queue[int], queue.SimpleQueue[str])

# Producer and consumers with join(), and shutdown().
work = queue.Queue()
done = []


def worker(n):
    while True:
        try:
            item = work.get()
        except queue.ShutDown:
            done.append("shut down")  # which worker took which item is up to the threads
            return
        done.append(str(item))
        work.task_done()


threads = [threading.Thread(target=worker, args=(n,)) for n in range(2)]
for t in threads:
    t.start()
for item in range(4):
    work.put(item)
work.join()
work.shutdown()
for t in threads:
    t.join()
print(sorted(done))
try:
    work.put(9)
except queue.ShutDown:
    print("put after shutdown: ShutDown")

# A consumer blocked in get() wakes when a producer thread puts after a delay.
slow = queue.Queue()


def producer():
    time.sleep(0.2)
    slow.put("late")


t = threading.Thread(target=producer)
t.start()
print(slow.get(timeout=5))
t.join()

# __import__
print(__import__("logging.handlers").__name__, __import__("logging.handlers", fromlist=["x"]).__name__)
