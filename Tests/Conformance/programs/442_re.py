# re: what real contextvars code does with it (a request id pulled out of a header and a log
# line, a logging filter's redaction with sub and a callable, split of a traceparent), the
# Pattern and Match objects, flags and their reprs, and the errors with their positions.
import re
import contextvars

request_id = contextvars.ContextVar("request_id", default="-")
LINE = re.compile(r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) \[(?P<level>[A-Z]+)\] rid=(?P<rid>[0-9a-f-]+) (?P<msg>.*)")
m = LINE.match("2026-12-03 14:00:01 [INFO] rid=4f2a-91 GET /users/7 -> 200")
print(m, m.group("rid"), m["level"], m.groupdict())
print(m.span("msg"), m.start(), m.end(2), m.lastindex, m.lastgroup, m.groups())
request_id.set(m.group("rid"))
print(request_id.get())

header = "traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
version, trace_id, span_id, flags = re.split(r"-", header.split(": ")[1])
print(trace_id, span_id, re.fullmatch(r"[0-9a-f]{32}", trace_id) is not None)

SECRET = re.compile(r"(password|token)=(\S+)", re.IGNORECASE)
print(SECRET.sub(r"\1=***", "login user=bob Password=hunter2 token=abc"))
print(SECRET.sub(lambda m: m.group(1).upper() + "=" + "*" * len(m.group(2)), "TOKEN=xyz"))
print(SECRET.subn("<redacted>", "password=1 password=2", count=1))
print(re.findall(r"\b\w+@\w+\.\w+\b", "mail bob@example.com and eve@corp.io now"))
print(re.findall(r"(\w)(\d)?", "a1b"), [m.span() for m in re.finditer(r"\d+", "a12b345c")])
print(re.split(r"(\s*),(\s*)", "a , b,c"), re.split(r"\W+", "Words, words, words.", maxsplit=1))
print(re.sub(r"(?m)^", "> ", "line one\nline two"), repr(re.sub("x*", "-", "abc")))
print(re.search(r"(?<=-)\w+", "spam-egg"), re.search(r"(?<!a)b", "ab cb").span())
print(re.match(r"(a)|b", "b").groups(), re.match(r"(?:(a)|b)+", "ab").group(1))
print(re.sub(r"(?P<word>\w+)", r"[\g<word>]", "hi there"), re.sub(r"(\w+)", r"\g<1>!", "go"))
VERBOSE = re.compile(r"""
    (?P<key>[a-z_]+)   # a key
    \s*=\s*            # equals
    (?P<value>"[^"]*"|\S+)
""", re.VERBOSE)
print([m.groupdict() for m in VERBOSE.finditer('user_id = 42 name="Ann Lee" ok=yes')])
print(re.compile("a+", re.I | re.M), re.I | re.S, re.compile(r"\d", re.A), re.compile("a").flags, re.I.value)
print(repr(re.compile("(?P<x>a)(b)").groupindex), re.compile("(a)(b)").groups, re.escape("1.5*[x] -y"))
print(re.match("é+", "ééa"), re.match(r"\w+", "naïve café").group(), re.match(r"(?i)STRASSE|ǆ", "ǅ"))
print(re.match(r"(?s).+", "a\nb").group() == "a\nb", re.match(r".+", "a\nb").group(), re.search(r"$", "ab\n").span())
print(re.compile("a") == re.compile("a"), re.purge(), re.match("a", "a").re, re.Match, re.Pattern)
for bad in ["(", "a**", "[z-a]", "(?P<1>x)", r"\k", "x{3,1}", "a)", "(?<=a+)", "(?P=nope)"]:
    try:
        re.compile(bad)
    except re.error as e:
        print(type(e).__name__, e.msg, e.pos, "|", e)
try:
    re.search("a", 1)
except TypeError as e:
    print(e)
try:
    re.match("(a)", "a").group(3)
except IndexError as e:
    print(e)
try:
    re.sub("a", r"\9", "a")
except re.error as e:
    print(e)
re.compile("(unclosed")
