# copy (ctxlab's Lib/copy.py after CPython's, over a native object.__reduce_ex__ after
# typeobject.c's reduce_newobj, and copyreg.__newobj__): shallow and deep copies of a span with tags,
# shared and recursive structures through the memo, defaultdict/Counter/OrderedDict/namedtuple/
# frozen dataclass copies, copy.replace (3.13), __copy__/__deepcopy__/__getstate__/__setstate__,
# and CPython's errors for what cannot be copied (ContextVar, Context, generators).
import copy, contextvars, asyncio
from collections import defaultdict, Counter, OrderedDict, namedtuple
from dataclasses import dataclass, field

def check(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

class Span:
    def __init__(self, name, tags):
        self.name, self.tags = name, tags
    def __repr__(self):
        return f'Span({self.name!r}, {self.tags!r})'
s = Span('req', {'user': ['ann']})
s2, s3 = copy.copy(s), copy.deepcopy(s)
s.tags['user'].append('bob')
print(s2, s3, s2.tags is s.tags, s3.tags is s.tags, type(s3).__name__)
nested = [1, [2, 3], {'k': (4, [5])}]
nested.append(nested)
dc = copy.deepcopy(nested)
print(dc[3] is dc, dc[1] is nested[1], dc[2]['k'][1] is nested[2]['k'][1], dc[:3] == nested[:3])
t = (1, 2, 'x'); print(copy.deepcopy(t) is t, copy.copy([1, 2]) == [1, 2], copy.copy({1: 2}))
dd = defaultdict(list, a=[1]); c = Counter('aab'); od = OrderedDict(z=1, a=2)
print(copy.copy(dd), copy.deepcopy(dd)['a'] is dd['a'], copy.copy(c), copy.deepcopy(od), type(copy.copy(od)).__name__)
P = namedtuple('P', 'x y'); p = P(1, [2])
print(copy.copy(p), copy.deepcopy(p).y is p.y, type(copy.deepcopy(p)).__name__)
@dataclass(frozen=True)
class Cfg:
    name: str
    opts: list = field(default_factory=list)
cfg = Cfg('a', [1])
print(copy.copy(cfg), copy.deepcopy(cfg).opts is cfg.opts, copy.replace(cfg, name='b'))
class WithHooks:
    def __init__(self): self.n = 1
    def __copy__(self): return 'copied!'
    def __deepcopy__(self, memo): return 'deep copied!'
print(copy.copy(WithHooks()), copy.deepcopy(WithHooks()))
class State:
    def __init__(self): self.a = 1
    def __getstate__(self): return {'a': self.a * 10}
    def __setstate__(self, st): self.restored = st
print(vars(copy.copy(State())))
v = contextvars.ContextVar('v')
check('ContextVar', lambda: copy.copy(v))
check('Context', lambda: copy.deepcopy(contextvars.copy_context()))
check('generator', lambda: copy.copy(x for x in []))
print(copy.copy(len) is len, copy.deepcopy(Span) is Span, copy.copy(None), copy.deepcopy(print) is print)
check('replace', lambda: copy.replace(1))
class Memo:
    pass
m = Memo(); m.me = m
mc = copy.deepcopy(m); print(mc.me is mc, mc is not m)
