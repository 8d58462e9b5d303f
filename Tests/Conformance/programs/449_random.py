# random after Lib/random.py over _randommodule.c's Mersenne Twister: seeded, every function gives
# CPython's numbers (int, str via SHA-512, bytes, float and bool seeds; getstate/setstate; a
# subclass with its own random()); a retry jitter per request in a ContextVar; int.to_bytes and
# int.from_bytes, which randbytes and seed(str) stand on.
import contextvars
import random

jitter = contextvars.ContextVar("jitter")


def handle(rng, request_id):
    jitter.set(rng.uniform(0, 0.25))
    return request_id, round(jitter.get(), 6)


rng = random.Random("service-a")
ctx = contextvars.copy_context()
print([ctx.run(handle, rng, n) for n in range(3)], jitter.get(None), ctx[jitter] > 0)
import random
random.seed(1)
print(random.random(), random.random(), random.randint(1, 10), random.getrandbits(70), random.getrandbits(32), random.getrandbits(5))
random.seed(12345)
print([random.randrange(100) for _ in range(10)], random.choice("abcdef"), random.uniform(1, 2))
xs = list(range(20)); random.shuffle(xs); print(xs)
print(random.sample(range(1000), 8), random.sample(["a", "b", "c", "d"], 2), random.sample(range(100000), 3))
print(random.choices("abc", k=5), random.choices("abc", weights=[1, 5, 10], k=5), random.choices([1, 2], cum_weights=[1, 3], k=3))
print(random.gauss(), random.gauss(5, 2), random.normalvariate(), random.expovariate(2), random.triangular(0, 10, 3))
print(random.gammavariate(2.5, 1), random.gammavariate(0.5, 1), random.betavariate(2, 3), random.paretovariate(3), random.weibullvariate(1, 2), random.vonmisesvariate(0, 4), random.lognormvariate(0, 1))
print(random.binomialvariate(10, 0.3), random.binomialvariate(100, 0.4), random.binomialvariate(1000, 0.9))
print(random.randbytes(6))
for s in ["hello", b"bytes", 3.5, -7, 2**100, True, 0]:
    random.seed(s); print(repr(s), random.random())
random.seed("hello", version=1); print(random.random())
st = random.getstate(); a = random.random(); random.setstate(st); print(a == random.random(), len(st[1]))
r = random.Random(42); print(r.random(), r.randint(0, 10**30))
class Mine(random.Random):
    def random(self):
        return 0.5
print(Mine().randrange(10), Mine().choice([1, 2, 3]))
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
t(lambda: random.choice([]))
t(lambda: random.randrange(0))
t(lambda: random.randrange(5, 5))
t(lambda: random.randrange(1, 10, 0))
t(lambda: random.randrange(10, 1, 2))
t(lambda: random.randrange(1.5))
t(lambda: random.sample({1, 2}, 1))
t(lambda: random.sample([1, 2], 3))
t(lambda: random.seed([1]))
t(lambda: random.getrandbits(-1))
t(lambda: random.choices("ab", 3))
t(lambda: random.gammavariate(0, 1))
def t2(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t2(lambda: (1024).to_bytes(2, 'big'))
t2(lambda: (1024).to_bytes(2, 'little'))
t2(lambda: (1024).to_bytes(1, 'big'))
t2(lambda: (-1).to_bytes(2, 'big', signed=True))
t2(lambda: (-128).to_bytes(1, 'big', signed=True))
t2(lambda: (128).to_bytes(1, 'big', signed=True))
t2(lambda: (-1).to_bytes(2, 'big'))
t2(lambda: (0).to_bytes(0, 'big'))
t2(lambda: (5).to_bytes())
t2(lambda: (2**100).to_bytes(13, 'little'))
t2(lambda: (1).to_bytes(2, 'middle'))
t2(lambda: int.from_bytes(b'\x00\x10'))
t2(lambda: int.from_bytes(b'\x00\x10', 'little'))
t2(lambda: int.from_bytes(b'\xff\xff', 'big', signed=True))
t2(lambda: int.from_bytes([1, 2, 3], 'big'))
t2(lambda: int.from_bytes(b''))
t2(lambda: int.from_bytes(b'\x80' * 20, signed=True))
class N(int): pass
t2(lambda: type(N.from_bytes(b'\x01')).__name__)
t2(lambda: bool.from_bytes(b'\x01'))
