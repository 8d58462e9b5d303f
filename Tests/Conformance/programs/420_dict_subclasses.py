# Subclasses of dict (typeobject.c's slot functions over dict's own): a per-request settings
# dict with __missing__ read from a ContextVar, __setitem__/__delitem__ overrides that call
# super() and dict.__x__(self, …), __repr__/__str__, __eq__, __len__/__iter__/__contains__/
# __bool__ overrides, operators, instance attributes and __slots__, fromkeys through the class,
# and the native dict behaviour everything else keeps (json, **, dict(), |, ==).
import asyncio, contextvars, json

def check(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

tenant = contextvars.ContextVar('tenant', default='public')

class Settings(dict):
    """Settings with per-tenant defaults: a missing key is looked up for the current tenant."""
    defaults = {'public': {'theme': 'light'}, 'acme': {'theme': 'dark', 'beta': True}}
    def __missing__(self, key):
        return self.defaults[tenant.get()].get(key, f'<no {key}>')

s = Settings(lang='en')
print(s, s['lang'], s['theme'], s['beta'], 'theme' in s, len(s))
async def in_tenant(name):
    tenant.set(name)
    await asyncio.sleep(0)
    return s['theme'], s['beta'], s.get('theme', 'get() does not call __missing__')

async def main():
    return await asyncio.gather(in_tenant('acme'), in_tenant('public'))
print(asyncio.run(main()), tenant.get())

class Audited(dict):
    def __init__(self, *args, **kw):
        self.log = []
        super().__init__(*args, **kw)
    def __setitem__(self, key, value):
        self.log.append(('set', key))
        super().__setitem__(key, value)
    def __delitem__(self, key):
        self.log.append(('del', key))
        dict.__delitem__(self, key)
    def __repr__(self):
        return f'Audited({dict.__repr__(self)}, {len(self.log)} changes)'

a = Audited({'x': 1})
a['y'] = 2
a['y'] += 1
del a['x']
a.update(z=9)          # dict.update does not go through __setitem__
a.setdefault('w', 0)   # nor does setdefault
print(a, a.log, str(a), f'{a!s}', [a])
check('del missing', lambda: a.__delitem__('nope'))
print(a.__dict__ == {'log': a.log}, vars(a) is a.__dict__, type(a).__name__, isinstance(a, dict))
print(json.dumps(a, sort_keys=True), dict(a), {**a}, a == {'y': 3, 'z': 9, 'w': 0}, a | {'q': 1})
print(type(a | {}).__name__, type(a.copy()).__name__)

class Upper(dict):
    def __getitem__(self, key):
        return dict.__getitem__(self, key.upper())
    def __contains__(self, key):
        return dict.__contains__(self, key.upper())
    def __len__(self):
        return 100
    def __iter__(self):
        return iter(sorted(dict.__iter__(self)))
    def __bool__(self):
        return False
    def __eq__(self, other):
        return isinstance(other, Upper) and dict.__eq__(self, other)
u = Upper(B=2, A=1)
print(u['a'], 'b' in u, 'c' in u, len(u), list(u), bool(u), u == {'A': 1, 'B': 2}, u == Upper(A=1, B=2))
print(sorted(u.items()), list(u.keys()))  # the views are dict's own

class Slotted(dict):
    __slots__ = ()
check('slots', lambda: setattr(Slotted(), 'x', 1))
check('no __dict__', lambda: Slotted().__dict__)

class Ordered(dict):
    def __reversed__(self):
        return iter(['reversed by the subclass'])
print(list(reversed(Ordered(a=1))), Settings.fromkeys('ab', 0), type(Settings.fromkeys('a')).__name__)
print(Audited.fromkeys('pq'), Audited.get(a, 'y'), Audited.__init__ is dict.__init__)

class Bag(dict):
    def __add__(self, other):
        out = Bag(self)
        for k, v in other.items():
            out[k] = out.get(k, 0) + v
        return out
    def __radd__(self, other):
        return Bag(other) + self
    def __neg__(self):
        return Bag({k: -v for k, v in self.items()})
print(Bag(a=1) + {'a': 2, 'b': 1}, {'c': 1} + Bag(c=2), -Bag(a=1), type(-Bag()).__name__)
check('hash', lambda: hash(Bag()))
check('unknown attribute', lambda: Bag().nothing)

# What a special method must return (slot_sq_length, slot_nb_bool, PyObject_GetIter), for a dict
# subclass and a plain class alike.
class NegativeLen(dict):
    def __len__(self):
        return -1
class NotAnIterator(dict):
    def __iter__(self):
        return 5
class IntBool:
    def __bool__(self):
        return 1
class PlainNegative:
    def __len__(self):
        return -2
check('negative len', lambda: len(NegativeLen()))
check('negative len as truth', lambda: bool(PlainNegative()))
check('iter not an iterator', lambda: list(NotAnIterator(a=1)))
check('bool not a bool', lambda: not IntBool())
class Looping(dict):
    def __getitem__(self, key):
        return self[key]
check('recursive __getitem__', lambda: Looping()['x'])
