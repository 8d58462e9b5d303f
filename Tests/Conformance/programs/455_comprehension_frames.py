# PEP 709 (3.12+): list, set and dict comprehensions run inline in the frame around them, so
# sys._getframe, f_back, f_lineno and logging's funcName/lineno see that frame; a generator
# expression keeps a frame of its own.
import logging
import sys
from contextvars import ContextVar

request_id = ContextVar("request_id", default="-")
logging.basicConfig(format="%(funcName)s:%(lineno)d [%(rid)s] %(message)s", stream=sys.stdout,
                    level=logging.INFO)
log = logging.getLogger("svc")


class Rid(logging.Filter):
    def filter(self, record):
        record.rid = request_id.get()
        return True


logging.getLogger().handlers[0].addFilter(Rid())


def process(items):
    request_id.set("r-1")
    [log.info("item %s", x) for x in items]
    {log.info("set item %s", x) for x in items[:1]}
    return [
        (sys._getframe().f_code.co_name,
         sys._getframe().f_lineno)
        for _ in range(1)
    ]


print(process([1, 2]))


def caller_name():
    return sys._getframe(1).f_code.co_name


def outer():
    return ([caller_name() for _ in range(1)],
            {k: caller_name() for k in "a"},
            [[caller_name() for _ in range(1)] for _ in range(1)],
            list(caller_name() for _ in range(1)),
            [f.f_code.co_name for f in [sys._getframe()]],
            [sys._getframe().f_back.f_code.co_name for _ in range(1)])


print(outer())
print([sys._getframe().f_code.co_name for _ in range(1)], {sys._getframe().f_code.co_name for _ in "ab"})
print(next(sys._getframe().f_code.co_name for _ in range(1)))
