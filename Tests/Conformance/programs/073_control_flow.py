# if/elif/else, for/while with break/continue/else, pass, nested loops.
def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    else:
        return 'large'

print([classify(n) for n in (-5, 0, 3, 42)])

for i in range(10):
    if i % 2 == 0:
        continue
    if i > 6:
        break
    print('odd', i)
else:
    print('not printed: loop broke')

for i in range(3):
    pass
else:
    print('for-else after', i)

n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    print('while', n)
else:
    print('while-else', n)

while True:
    n -= 1
    if n < 2:
        break
print('after while True', n)

for row in range(3):
    for col in range(3):
        if col > row:
            break
        print(row, col, end='; ')
print()

found = None
for name in ['a', 'b', 'c']:
    if name == 'b':
        found = name
        break
print('found', found)
if not []:
    print('empty list is falsy')
if 0 or None or '':
    print('unreachable')
else:
    print('all falsy')
