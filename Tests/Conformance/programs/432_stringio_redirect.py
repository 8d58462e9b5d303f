# io.StringIO and contextlib.redirect_stdout/redirect_stderr (issue 16): a logging handler writing
# request ids from a ContextVar into a StringIO, print captured across tasks, StringIO's reads, seeks,
# newline translation and errors, print(file=None) following sys.stdout.
import asyncio, contextlib, contextvars, io, logging, sys

request_id = contextvars.ContextVar("request_id", default="-")

class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id.get()
        return True

stream = io.StringIO()
handler = logging.StreamHandler(stream)
handler.setFormatter(logging.Formatter("%(request_id)s %(levelname)s %(message)s"))
handler.addFilter(RequestIdFilter())
log = logging.getLogger("app")
log.addHandler(handler)
log.setLevel(logging.INFO)

async def handle(rid):
    request_id.set(rid)
    await asyncio.sleep(0)
    log.info("handling")
    print(f"stdout from {rid}")

async def main():
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf) as target:
        await asyncio.gather(handle("r1"), handle("r2"))
        print("captured", target is buf)
    print("after:", repr(buf.getvalue()))
asyncio.run(main())
print(stream.getvalue(), end="")
err = io.StringIO()
with contextlib.redirect_stderr(err):
    sys.stderr.write("to err\n")
print(repr(err.getvalue()))
s = io.StringIO("line1\nline2\nline3")
print(s.readline(), s.read(3), s.tell(), s.readlines(), list(io.StringIO("a\nb\n")))
s.seek(0); print(s.read(), s.seek(0, 2), s.write("!"), s.getvalue(), s.truncate(5), s.getvalue())
w = io.StringIO(); w.seek(3); w.write("x"); print(repr(w.getvalue()))
n = io.StringIO(newline=None); n.write("a\r\nb\rc\n"); print(repr(n.getvalue()))
with io.StringIO() as f:
    print("into f", file=f)
    v = f.getvalue()
print(repr(v), f.closed)
try:
    f.write("x")
except ValueError as e:
    print(e)
try:
    io.StringIO().write(1)
except TypeError as e:
    print(e)
print(io.StringIO, type(io.StringIO()).__name__, io.SEEK_END)
with contextlib.redirect_stdout(None):
    print("dropped")
print("back")
