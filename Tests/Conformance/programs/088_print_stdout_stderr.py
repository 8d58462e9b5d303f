# print with sep/end/file, sys.stdout.write, sys.stderr (stderr of a successful program is not
# compared; only the order of stdout matters).
import sys

print('a', 'b', 'c')
print('a', 'b', 'c', sep='-')
print('no newline', end='')
print(' <- continued')
print('x', 'y', sep='', end='!\n')
print()
print(*[1, 2, 3], sep=', ')
print('to stderr', file=sys.stderr)
print('to stdout', file=sys.stdout)
n = sys.stdout.write('written\n')
print(n)
sys.stderr.write('more stderr\n')
print(1, 2.0, None, True, [1], (2,), {'k': 'v'}, sep=' | ')
print('multiple', end=' ')
print('ends', end='\n\n')
print('done', flush=True)
