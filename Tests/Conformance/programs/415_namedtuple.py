# collections.namedtuple (ctxlab's after Lib/collections, over tuple subclasses and 3-argument
# type()): a request record built per task from ContextVars, field access, tuple behaviour
# (equality, hashing, unpacking, slicing, sorting, %-formatting), _make/_replace/_asdict/
# _fields/_field_defaults, defaults, rename, module=, a subclass with methods, the __new__
# signature's TypeErrors, the validation errors, read-only fields.
import asyncio, contextvars
from collections import namedtuple

def check(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

Request = namedtuple('Request', 'rid user path')
rid_var = contextvars.ContextVar('rid')
user_var = contextvars.ContextVar('user', default='anonymous')

async def handle(rid, user, path):
    rid_var.set(rid)
    if user:
        user_var.set(user)
    await asyncio.sleep(0.01)
    return Request(rid_var.get(), user_var.get(), path)

async def main():
    reqs = await asyncio.gather(handle(1, 'ann', '/a'), handle(2, None, '/b'))
    print(reqs, [r.user for r in reqs], user_var.get())
    return reqs
reqs = asyncio.run(main())

r = reqs[0]
print(r, r.rid, r[2], r[-1], len(r), r == (1, 'ann', '/a'), isinstance(r, tuple), hash(r) == hash(tuple(r)))
rid, user, path = r
print(rid, user, path, *r, r[:2], r + ('x',), tuple(r), list(r), '%s %s %s' % r, f'{r}', str(r))
print(r._asdict(), r._replace(path='/z'), Request._make([3, 'cy', '/c']), Request._fields, Request._field_defaults)
print(Request, type(r), type(r).__name__, Request.__doc__, Request.rid, Request.rid.__doc__, Request.__mro__)
print(Request.__new__.__qualname__, Request._make, r.count('ann'), r.index('/a'), Request(path='/k', user='u', rid=0))
print(sorted([Request(2, 'b', '/'), Request(1, 'z', '/')]), {r: 'seen'}[Request(1, 'ann', '/a')])

Point = namedtuple('Point', ['x', 'y'], defaults=[0])
print(Point(1), Point(1, 2), Point._field_defaults, Point.__match_args__)
print(namedtuple('Row', 'a, b')(1, 2), namedtuple('One', 'a')(1), namedtuple('Empty', '')(),
      namedtuple('Renamed', 'a def _c a', rename=True)._fields, namedtuple('M', 'a', module='mod').__module__)

class Vec(namedtuple('Vec', 'x y')):
    __slots__ = ()
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)
v = Vec(1, 2) + Vec(3, -4)
print(v, v.norm1, type(v).__name__, isinstance(v, tuple), Vec._make([5, 6]))

Dyn = type('Dyn', (object,), {'a': 1, 'hello': lambda self: 'hi'})
print(Dyn, Dyn.a, Dyn().hello(), Dyn.__module__)

check('missing', lambda: Request(1))
check('missing 2', lambda: Request(1)._fields)
check('missing all', lambda: Request())
check('too many', lambda: Request(1, 2, 3, 4))
check('defaults too many', lambda: Point(1, 2, 3))
check('twice', lambda: Request(1, rid=2))
check('unexpected', lambda: Request(1, 2, 3, z=3))
check('_make', lambda: Request._make([1]))
check('_replace', lambda: r._replace(nope=1))
check('set field', lambda: setattr(r, 'rid', 5))
check('set new', lambda: setattr(r, 'other', 5))
check('no dict', lambda: r.__dict__)
check('attribute', lambda: r.nope)
check('identifier', lambda: namedtuple('1x', 'a'))
check('underscore', lambda: namedtuple('Q', 'a _b'))
check('duplicate', lambda: namedtuple('Q', 'a a'))
check('keyword', lambda: namedtuple('Q', 'a def'))
check('defaults', lambda: namedtuple('Q', 'a', defaults=[1, 2]))
check('field type', lambda: namedtuple('Q', ['a', 1]))
check('tuple.__new__', lambda: tuple.__new__(int))
check('tuple.__new__ 1', lambda: tuple.__new__(1))
check('type args', lambda: type(1, 2, 3))
