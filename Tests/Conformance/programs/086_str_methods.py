# Common str methods.
s = '  Hello, World  '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr('xxhixx'.strip('x')))
print('a,b,,c'.split(','), 'a b  c'.split(), 'a-b-c'.split('-', 1), 'a-b-c'.rsplit('-', 1), 'l1\nl2\n'.splitlines())
print('-'.join(['x', 'y', 'z']), ''.join(reversed('abc')), ', '.join(str(n) for n in range(3)))
print('hello'.upper(), 'HeLLo'.lower(), 'hello world'.title(), 'hello'.capitalize(), 'Hi'.swapcase())
print('hello'.replace('l', 'L'), 'hello'.replace('l', '', 1), 'banana'.count('an'), 'banana'.find('n'), 'banana'.rfind('n'), 'banana'.find('z'))
print('banana'.index('a'), 'file.py'.endswith('.py'), 'file.py'.startswith(('x', 'f')), 'abc'.isalpha(), '123'.isdigit(), ' '.isspace(), 'ab1'.isalnum())
print('Abc'.isupper(), 'abc'.islower(), 'x'.center(5, '*'), '7'.zfill(3), 'ab'.ljust(4, '.') + '|', 'ab'.rjust(4) + '|')
print('k=v=w'.partition('='), 'k=v=w'.rpartition('='), 'prefix_name'.removeprefix('prefix_'), 'name.txt'.removesuffix('.txt'))
print('Hello {}!'.format('you'), '{0}-{0}'.format('ab'), '{name}:{n:>3}'.format(name='x', n=7))
try:
    'abc'.index('z')
except ValueError as e:
    print('ValueError:', e)
print(str.upper('x'), 'a' 'b'.upper(), ' x '.strip().upper().center(5, '-'))
