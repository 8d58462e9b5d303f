# heapq and bisect (ctxlab's Lib/ after CPython's Lib/heapq.py and Lib/bisect.py, with the C
# accelerators' argument checks): a priority queue of jobs that carry the Context they were
# scheduled in and run in it; merge/nsmallest/nlargest; bisect with lo/hi/key and insort.
import bisect, contextvars, heapq

def check(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

user = contextvars.ContextVar('user', default='nobody')
queue = []
for prio, name in [(3, 'c'), (1, 'a'), (2, 'b'), (1, 'a2')]:
    user.set(name)
    heapq.heappush(queue, (prio, len(queue), contextvars.copy_context()))
user.set('main')
while queue:
    prio, seq, ctx = heapq.heappop(queue)
    print(prio, seq, ctx.run(user.get), user.get())

h = [5, 1, 8, 3, 2, 9]
heapq.heapify(h)
print(h, heapq.heappop(h), h, heapq.heappushpop(h, 0), heapq.heapreplace(h, 7), h)
print(heapq.heappushpop([], 1), [heapq.heappop(h) for _ in range(len(h))])
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 9])), list(heapq.merge([7, 4, 1], [5, 2], reverse=True)),
      list(heapq.merge(['dog', 'horse'], ['cat', 'fish', 'kangaroo'], key=len)))
data = [5, 1, 8, 3, 2, 9, 3]
print(heapq.nsmallest(3, data), heapq.nlargest(3, data), heapq.nsmallest(1, data), heapq.nlargest(10, data),
      heapq.nsmallest(2, iter(data)), heapq.nlargest(2, ['bb', 'a', 'ccc'], key=len), heapq.nsmallest(0, data))

a = [1, 2, 2, 4]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 2), bisect.bisect_left(a, 2, 2),
      bisect.bisect_right(a, 2, 0, 2), bisect.bisect_left(a, 2, hi=None), bisect.bisect(a, 9))
bisect.insort(a, 3)
bisect.insort_left(a, 2)
bisect.insort_right(a, 0)
print(a)
records = [('a', 1), ('b', 5), ('c', 9)]
print(bisect.bisect_left(records, 5, key=lambda r: r[1]), bisect.bisect_right(records, 5, key=lambda r: r[1]))
bisect.insort(records, ('x', 6), key=lambda r: r[1])
print(records)
grades = 'FDCBA'
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])

check('heappush list', lambda: heapq.heappush(1, 2))
check('heappush args', lambda: heapq.heappush([]))
check('heappop empty', lambda: heapq.heappop([]))
check('heappop kw', lambda: heapq.heappop(x=1))
check('heapreplace empty', lambda: heapq.heapreplace([], 1))
check('heapify tuple', lambda: heapq.heapify((1,)))
check('heappush order', lambda: heapq.heappush([1], 'a'))
check('bisect lo', lambda: bisect.bisect_left([1, 2, 3], 2, -1))
check('bisect x', lambda: bisect.bisect_left([1, 2, 3]))
check('bisect hi', lambda: bisect.bisect_left([1, 2, 3], 2, 0, 10))
check('bisect len', lambda: bisect.bisect_left(1, 2))
check('bisect twice', lambda: bisect.bisect_left([1, 2], 2, x=1))
check('bisect 5 args', lambda: bisect.bisect_left([1, 2], 2, 0, 1, 5))
check('bisect lo str', lambda: bisect.bisect_left([1, 2], 2, 'a'))
check('bisect lo None', lambda: bisect.bisect_left([1, 2], 2, lo=None))
check('insort args', lambda: bisect.insort([1]))
