# operator (ctxlab's Lib/operator.py after CPython's, with the C _operator's functions): the
# function forms as built-ins with C's messages, itemgetter/attrgetter/methodcaller (reprs,
# several items, dotted names, their call errors), sorting records by a ContextVar-free key and
# reading ContextVars through attrgetter/methodcaller.
import contextvars, operator
from operator import itemgetter, attrgetter, methodcaller

def check(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

print(operator.add(2, 3), operator.sub(2, 3), operator.mul('ab', 2), operator.truediv(7, 2), operator.floordiv(7, 2),
      operator.mod(7, 3), operator.pow(2, 10), operator.lshift(1, 4), operator.rshift(16, 2))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.xor(True, False), operator.and_(True, True),
      operator.neg(2), operator.pos(-2), operator.invert(5), operator.inv(5), operator.abs(-3))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq(1, 1.0), operator.ne(1, 2), operator.ge(1, 2), operator.gt(3, 2))
print(operator.not_(0), operator.truth([]), operator.is_(None, None), operator.is_not(1, None), operator.index(True))
print(operator.contains([1, 2], 2), operator.getitem({'a': 1}, 'a'), operator.concat([1], [2]), operator.countOf([1, 2, 1], 1),
      operator.indexOf('abc', 'c'), operator.call(len, 'abc'))
d = {}
operator.setitem(d, 'k', 1)
l = [1, 2, 3]
operator.delitem(l, 0)
print(d, l, operator.iadd(l, [4]), l, operator.iconcat([1], (2,)), operator.isub(5, 2), operator.ior({1}, {2}))
print(operator.add, operator.__add__ is operator.add, operator.__lt__ is operator.lt, operator.itemgetter)

people = [('ann', 31), ('bob', 25), ('cy', 31)]
print(sorted(people, key=itemgetter(1)), sorted(people, key=itemgetter(1, 0), reverse=True))
print(itemgetter(1), itemgetter(1, 'a'), itemgetter(0, 1)('ab'), itemgetter(slice(1, None))([1, 2, 3]))
print(list(map(itemgetter('id'), [{'id': 1}, {'id': 2}])))

class Node:
    def __init__(self, name, parent=None):
        self.name = name
        self.parent = parent

n = Node('leaf', Node('root'))
print(attrgetter('name')(n), attrgetter('parent.name')(n), attrgetter('name', 'parent.name')(n), attrgetter('parent.name'))
print(methodcaller('upper')('abc'), methodcaller('split', ',', maxsplit=1)('a,b,c'), methodcaller('split', ',', maxsplit=1))

var = contextvars.ContextVar('var', default='dflt')
ctx = contextvars.copy_context()
ctx.run(var.set, 'inside')
print(methodcaller('get')(var), ctx.run(methodcaller('get'), var), attrgetter('name')(var), ctx.run(operator.getitem, ctx, var))

check('add 1', lambda: operator.add(1))
check('add kw', lambda: operator.add(x=1))
check('add types', lambda: operator.add(1, 'a'))
check('lt types', lambda: operator.lt(1, 'a'))
check('index', lambda: operator.index(3.0))
check('concat', lambda: operator.concat(1, 2))
check('concat str', lambda: operator.concat('a', [2]))
check('countOf', lambda: operator.countOf(1, 1))
check('indexOf', lambda: operator.indexOf([1, 2], 3))
check('call', lambda: operator.call())
check('truediv', lambda: operator.truediv(1, 0))
check('delitem', lambda: operator.delitem([1], 5))
check('itemgetter', lambda: itemgetter())
check('itemgetter kw', lambda: itemgetter(1, x=2))
check('itemgetter call', lambda: itemgetter(1)())
check('itemgetter 2', lambda: itemgetter(1)([1, 2], 3))
check('itemgetter index', lambda: itemgetter(5)([1]))
check('attrgetter', lambda: attrgetter())
check('attrgetter int', lambda: attrgetter(1))
check('attrgetter missing', lambda: attrgetter('parent.nope')(n))
check('methodcaller', lambda: methodcaller())
check('methodcaller int', lambda: methodcaller(1))
check('methodcaller call', lambda: methodcaller('split')('a b', 1))
check('methodcaller missing', lambda: methodcaller('nope')(1))
check('attribute', lambda: itemgetter(1).foo)
