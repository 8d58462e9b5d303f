# types (ctxlab's Lib/types.py after CPython's): SimpleNamespace's repr (nested, recursive, a
# subclass's name), equality, construction from a mapping or pairs and keywords, its errors; a
# namespace of request settings copied per task; the type objects for isinstance checks.
import asyncio, contextvars, types
from types import SimpleNamespace

def check(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

ns = SimpleNamespace(a=1, b='x')
print(ns, SimpleNamespace(), SimpleNamespace({'a': 1}, b=2), SimpleNamespace([('k', [1, 2])]), ns.a, ns.__dict__)
ns.c = SimpleNamespace(inner=True)
del ns.a
print(ns, vars(ns), ns == SimpleNamespace(b='x', c=SimpleNamespace(inner=True)), ns == SimpleNamespace(b='y'), ns != 1)
ns.me = ns
print(ns)

class Config(SimpleNamespace):
    pass
print(Config(debug=True), Config(x=1) == SimpleNamespace(x=1), isinstance(Config(), SimpleNamespace))
print(type(ns), type(ns).__name__, type(ns).__qualname__, type(ns).__module__)

settings = contextvars.ContextVar('settings', default=SimpleNamespace(level='info'))

async def handler(name, level):
    settings.set(SimpleNamespace(**vars(settings.get()), user=name))
    if level:
        settings.get().level = level
    await asyncio.sleep(0.01)
    return settings.get()

async def main():
    results = await asyncio.gather(handler('ann', None), handler('bob', 'debug'))
    print(results, settings.get())
asyncio.run(main())

def gen():
    yield 1
async def coro():
    pass
async def agen():
    yield 1
class K:
    def m(self):
        pass
c = coro()
print(isinstance(gen, types.FunctionType), isinstance(lambda: 0, types.LambdaType), isinstance(gen(), types.GeneratorType),
      isinstance(c, types.CoroutineType), isinstance(agen(), types.AsyncGeneratorType), isinstance(K().m, types.MethodType),
      isinstance(len, types.BuiltinFunctionType), isinstance([].append, types.BuiltinMethodType), isinstance(types, types.ModuleType),
      types.NoneType, types.EllipsisType, types.FunctionType, types.MethodType)
c.close()
bound = types.MethodType(lambda self, n: (self.b, n), ns)
print(bound(3), bound.__self__ is ns, types.MethodType(len, 'ab')(), types.MethodType(len, 1))

check('two args', lambda: SimpleNamespace({}, {}))
check('not iterable', lambda: SimpleNamespace(1))
check('int keys', lambda: SimpleNamespace({1: 2}))
check('missing', lambda: SimpleNamespace().x)
check('hash', lambda: hash(SimpleNamespace()))
check('method 0', lambda: types.MethodType())
check('method callable', lambda: types.MethodType(1, 2))
check('method None', lambda: types.MethodType(len, None))
