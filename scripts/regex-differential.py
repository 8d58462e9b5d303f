"""Writes a differential program for ctxlab's re: random patterns (groups, alternation, repeats
greedy/lazy/possessive, lookarounds, conditionals, atomic groups, back references, anchors,
classes, inline flags) run by search, findall, sub, split, finditer, fullmatch and match over
small subjects, each result printed. Conformance 443 is `python3 scripts/regex-differential.py 1 300`;
more seeds compare the same way (run the output under ctxlab and CPython, diff).

Usage: regex-differential.py SEED COUNT
"""
import random, sys
random.seed(int(sys.argv[1]))
atoms = ['a','b','c','.','\\d','\\w','\\s','\\W','[ab]','[^a]','[a-c]','x','\\b','^','$','(a|b)','(?:ab|a)','(a*)','(?=a)','(?!b)','(?<=a)','(?<!b)','\\1','é','A','(?i:a)','[\\d_]','\n', '(?P<n>b)', '(?(1)a|b)', '(?>a+)', 'a++', '\\Z', '\\A', '\\B']
quants = ['', '', '', '*', '+', '?', '*?', '+?', '??', '{2}', '{1,3}', '{,2}?', '{2,}']
def pat(d=0):
    n = random.randint(1, 4)
    out = []
    for _ in range(n):
        r = random.random()
        if r < 0.15 and d < 3:
            a = '(' + pat(d+1) + ')'
        elif r < 0.22 and d < 3:
            a = '(?:' + pat(d+1) + '|' + pat(d+1) + ')'
        else:
            a = random.choice(atoms)
        q = random.choice(quants)
        if a in ('^','$','\\b','\\B','\\Z','\\A') or a.startswith('(?=') or a.startswith('(?!') or a.startswith('(?<'): q = ''
        out.append(a + q)
    return ''.join(out)
subjects = ['', 'a', 'ab', 'aab', 'abc', 'ba', 'a b', 'xaby', 'aaa', 'A1 _b', 'é\nab', 'abab\n', 'bbba']
print("import re")
print("def show(x):\n    try: return repr(x())\n    except Exception as e: return type(e).__name__ + ': ' + str(e)")
for k in range(int(sys.argv[2])):
    p = pat()
    flags = random.choice(['0', 're.I', 're.M', 're.S', 're.I|re.M'])
    s = random.choice(subjects)
    print(f"p = {p!r}; s = {s!r}")
    print(f"print({k}, show(lambda: re.search(p, s, {flags})), show(lambda: re.findall(p, s, {flags})), show(lambda: re.sub(p, '<\\\\g<0>>', s, flags={flags})), show(lambda: re.split(p, s, flags={flags})), show(lambda: [m.span() for m in re.finditer(p, s, {flags})]), show(lambda: re.fullmatch(p, s, {flags})), show(lambda: (re.match(p,s,{flags}) or re.search('',''))))")
