"""range.count/index computed, never by making the range a list (range(10**18) had every attribute
lookup raise MemoryError), the read-only attribute messages of C data descriptors, and the fuzzer's
crash of seed 303 case 67043 (abc.abstractclassmethod on a range: a try! in the readonly path)."""
r = range(10**18)
print(getattr(r, "x", 5), r.count(5), r.index(10**17), r.count(-1), r.count(True))
for rr in [range(0, 20, 3), range(20, 0, -3), range(-5, 5), range(0)]:
    print([rr.count(i) for i in range(-6, 22)], [rr.index(v) for v in rr])
    try: rr.index(100)
    except ValueError as e: print(e)
print(range(10).count(3.0), range(10).index(3.0))
try: range(10).index(3.5)
except ValueError as e: print(e)
try: range(10).index(2**70)
except ValueError as e: print(e)
print(range(-2**63, 2**63-1).index(2**63-2), range(-2**63, 2**63 - 1, 7).count(2**63-2))
for obj, name in [(range(3), 'start'), (1, 'real'), ([], 'append'), (1.5, 'imag'), (slice(1), 'stop'), ((1).bit_length, '__self__')]:
    try:
        setattr(obj, name, 1)
    except AttributeError as e:
        print(name, e)
import abc
try:
    abc.abstractclassmethod(range(10**18))
except AttributeError as e:
    print(e)
