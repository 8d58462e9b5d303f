# String literals (all quote forms, escapes, raw, implicit concatenation) and f-strings with
# conversions and format specs.
print('single', "double", '''triple single''', """triple double""")
print('it\'s', "say \"hi\"", 'tab\there', 'back\\slash', 'nl:\\n')
print('multi\nline')
print(r'raw \n stays', len('\n'), len(r'\n'), '\x41\u00e9\N{GREEK SMALL LETTER ALPHA}')
print('implicit' ' concatenation' " works")
print("""a
b""")
print(repr('quote\'s'), repr("both ' and \""), repr('tab\t'), repr('\u00e9'), repr('\x00'))
x = 3.14159
n = 42
s = 'text'
print(f'{x:.3f}|{n:05d}|{n:>8}|{s:<8}|{s:^10}|{s!r:>10}|{s!s}|{n:x}|{n:#b}')
print(f'{x}', f'{x!r}', f'{n * 2}', f'{s.upper()}', f'{ {"k": 1}["k"] }')
print(f'{1e16}', f'{0.1 + 0.2}', f'{-5:+d}', f'{5:+d}', f'{1234567:,}', f'{0.25:.0%}', f'{x:10.2f}|')
print(f'{"nested"!r}', f'{{literal braces}}', f'{n:{"^"}{6}}', f"{'a' + 'b'}")
print(f'{None}', f'{True}', f'{[1, "a"]}', f'{(1,)}', f'{x:e}', f'{n:o}', f'{255:X}')
print(str(12), str(1.0), str(None), str('s'), repr(12), repr(1.5), repr(None))
print(len('hello'), 'ell' in 'hello', 'hello'[1], 'hello'[-1], 'hello'[1:4], 'hello'[::-1], 'ab' * 3)
print('a' + 'b', 'abc' < 'abd', 'B' < 'a', 'a' == "a", '' < 'a')
