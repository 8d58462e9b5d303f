import logging
import contextvars
import asyncio

request_id = contextvars.ContextVar("request_id", default="-")

class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id.get()
        return True

import sys
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("%(levelname)s [%(request_id)s] %(name)s %(funcName)s:%(lineno)d %(message)s"))
handler.addFilter(RequestIdFilter())
log = logging.getLogger("app.requests")
log.addHandler(handler)
log.setLevel(logging.INFO)

def handle(n):
    log.info("handling %s", n)
    log.debug("hidden")

async def request(n):
    request_id.set(f"req-{n}")
    await asyncio.sleep(0.01 * n)
    handle(n)
    log.warning("done %d", n)

async def main():
    await asyncio.gather(request(1), request(2))
    log.info("outside: %s", request_id.get())

asyncio.run(main())
print(log, logging.getLogger("app"), logging.getLogger(), handler)
print(log.parent, log.getEffectiveLevel(), log.isEnabledFor(10))
class LastLineFormatter(logging.Formatter):
    # The traceback's file names depend on where the program is: keep its last line.
    def formatException(self, ei):
        return super().formatException(ei).splitlines()[-1]

handler.setFormatter(LastLineFormatter("%(levelname)s [%(request_id)s] %(message)s"))
try:
    raise ValueError("bad input")
except ValueError:
    log.exception("failed")
adapter = logging.LoggerAdapter(log, {"request_id": "adapter"})
adapter.info("via adapter")
fmt = logging.Formatter("{levelname}:{name}:{message}", style="{")
handler.setFormatter(fmt)
log.error("brace style %s", "ok")
handler.setFormatter(logging.Formatter("$levelname $message", style="$"))
log.error("dollar style")
try:
    logging.Formatter("no fields")
except ValueError as e:
    print(e)
print(logging.getLevelName(20), logging.getLevelName("WARNING"), logging.getLevelName(5))
log.propagate = False
logging.getLogger("other").warning("to last resort")
# The root logger's module-level functions configure it on first use (basicConfig).
logging.basicConfig(stream=sys.stdout, format="%(levelname)s|%(name)s|%(message)s", level="DEBUG")
logging.debug("root debug %d", 1)
logging.getLogger("app.requests.child").info("child propagates to the root")
logging.getLogger("app.requests.child").propagate = False
print(logging.getLogger("app.requests.child").hasHandlers())
old_factory = logging.getLogRecordFactory()
def factory(*args, **kwargs):
    record = old_factory(*args, **kwargs)
    record.request_id = request_id.get()
    return record
logging.setLogRecordFactory(factory)
logging.getLogger("app").addHandler(handler)
handler.setFormatter(logging.Formatter("%(request_id)s %(message)s"))
handler.filters.clear()
request_id.set("from-factory")
logging.getLogger("app").error("factory record")
try:
    logging.getLogger("app").info("x", extra={"message": 1})
except KeyError as e:
    print("KeyError", e)
