# weakref: callbacks (newest first, right after the last reference goes), the shared basic
# reference, WeakValueDictionary as a per-request session cache, WeakKeyDictionary as metadata
# on objects, WeakSet, finalize (detach, peek, atexit) and atexit's order at exit.
import atexit
import weakref


class Session:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f'Session({self.name!r})'


a = Session('a')
r1 = weakref.ref(a, lambda r: print('cb1', r() is None))
r2 = weakref.ref(a, lambda r: print('cb2', r is r2))
print(r1.__callback__ is not None, weakref.getweakrefcount(a), r1 == r2, r1 is r2, hash(r1) == hash(r2))
r3 = weakref.ref(a)
print(r3 is weakref.ref(a), weakref.getweakrefcount(a), len(weakref.getweakrefs(a)), r3.__callback__)
del a
print('after del', r3(), r1 == r2)
cache = weakref.WeakValueDictionary()
s1, s2 = Session('a'), Session('b')
cache['a'] = s1; cache['b'] = s2
print(len(cache), sorted(cache.keys()), cache.get('a'), 'a' in cache)
del s1
print(len(cache), list(cache), cache.get('a'), 'a' in cache)
meta = weakref.WeakKeyDictionary()
k1, k2 = Session('k1'), Session('k2')
meta[k1] = 1; meta[k2] = 2
print(len(meta), meta[k1], k2 in meta, sorted(meta.values()))
del k2
print(len(meta), [repr(k) for k in meta.keys()], list(meta.items()))
ws = weakref.WeakSet()
x, y = Session('x'), Session('y')
ws.add(x); ws.add(y)
print(len(ws), x in ws)
y = None
print(len(ws), list(ws))
f = weakref.finalize(x, print, 'finalized x')
print(f.alive, f.peek()[1] is print)
del x
print(f.alive)
z = Session('z')
fz = weakref.finalize(z, print, 'at exit', 'z')
fz2 = weakref.finalize(z, print, 'detached')
print(fz2.detach()[2])
w = weakref.ref(z)
print(w() is z, weakref.getweakrefcount(z), w is weakref.ref(z))
for k in list(cache): print('iter', k)
print('end')


def goodbye(who, punctuation='.'):
    print('goodbye', who + punctuation)

atexit.register(goodbye, 'first')
atexit.register(goodbye, 'second', punctuation='!')
atexit.register(print, 'never')
atexit.unregister(print)
