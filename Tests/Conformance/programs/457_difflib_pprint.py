# difflib (unified, context and ndiff deltas, close matches, SequenceMatcher) and pprint (nested dicts
# and lists past the width, depth, compact, long strings, OrderedDict, Counter, deque, a dataclass,
# recursion), as CPython 3.13 prints them.
import difflib, pprint
a = ["request id: a1\n", "user: ann\n", "status: ok\n", "path: /x\n"]
b = ["request id: a2\n", "user: ann\n", "status: ok\n", "path: /y\n", "extra\n"]
print("".join(difflib.unified_diff(a, b, fromfile="before", tofile="after")))
print("".join(difflib.context_diff(a, b)))
print("".join(difflib.ndiff(a, b)))
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
s = difflib.SequenceMatcher(None, "abcd", "bcde")
print(s.ratio(), s.quick_ratio(), s.real_quick_ratio(), s.get_opcodes(), s.get_matching_blocks())
print(list(difflib.restore(difflib.ndiff(a, b), 2)) == b)
data = {"request": {"id": "a1" * 10, "headers": {"x-request-id": "abc", "user-agent": "curl/8" * 5}}, "spans": [{"name": f"span{i}", "ms": i * 1.5} for i in range(6)]}
pprint.pprint(data)
pprint.pprint(data, width=40, depth=2)
pprint.pprint(list(range(40)), compact=True)
print(pprint.pformat("word " * 30))
from collections import OrderedDict, defaultdict, Counter, deque
pprint.pprint(OrderedDict((f"k{i}", i) for i in range(12)))
pprint.pprint(Counter("abracadabra" * 3), width=30)
pprint.pprint(deque(range(30), maxlen=40))
from dataclasses import dataclass, field
@dataclass
class Span:
    name: str
    attrs: dict = field(default_factory=dict)
pprint.pprint(Span("handler" * 5, {f"attr{i}": i for i in range(8)}))
r = [1]; r.append(r)
print(pprint.saferepr(r).split(" with id")[0], pprint.isrecursive(r), pprint.isreadable([1, 2]))
pprint.pp({"b": 1, "a": 2})
