# string (constants, capwords, Template with substitute/safe_substitute and its errors, a
# subclass's delimiter and idpattern, Formatter with automatic and manual numbering, attributes and
# items, nested specs, conversions, a subclass's get_value) and textwrap (wrap, fill, shorten,
# dedent, indent, TextWrapper's options), as CPython 3.13 gives them. str.maketrans, translate, title and capitalize by code point too.
import string
import textwrap
from contextvars import ContextVar

request_id = ContextVar("request_id", default="-")

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable))
print(string.capwords("hello   wide world"), string.capwords("a-b-c", "-"))

t = string.Template("[$rid] $user did ${action}s; cost $$5")
request_id.set("r-42")
print(t.substitute(rid=request_id.get(), user="ann", action="login"))
print(t.safe_substitute(rid="r-1"), t.get_identifiers(), t.is_valid())
for bad in [lambda: t.substitute(rid=1), lambda: string.Template("x $ y").substitute(),
            lambda: string.Template("ok\n  ${bad").substitute()]:
    try:
        bad()
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
print(string.Template("$a $b").substitute({"a": 1}, b=2))


class Percent(string.Template):
    delimiter = "%"
    idpattern = "[a-z]+"


print(Percent("%who paid %%%amount").substitute(who="bob", amount=3), Percent.pattern.flags & 2)

f = string.Formatter()
print(f.format("{} {} {name}", 1, 2, name="x"), f.format("{0}{1}{0}", "a", "b"))


class User:
    id = 7
    tags = ["admin", "ops"]


print(f.format("{u.id}:{u.tags[1]}:{d[k]}", u=User(), d={"k": "v"}))
print(f.format("{0:>{width}}|{0!r:^8}|{x!s}", "ab", width=6, x=3))
print(list(f.parse("a{b!r:>3}c{{d}}{}")))
for bad in ["{} {0}", "{0} {}", "{", "}", "{0!x}", "{a.}", "{a[1}"]:
    try:
        f.format(bad, 1, a=2)
    except (ValueError, KeyError, IndexError, AttributeError) as e:
        print(type(e).__name__, e)


class CtxFormatter(string.Formatter):
    def get_value(self, key, args, kwargs):
        if key == "rid":
            return request_id.get()
        return super().get_value(key, args, kwargs)


print(CtxFormatter().format("[{rid}] {0}", "event"))

text = ("The request id travels with the context: every task created from a copy sees the value "
        "the parent set, and a well-behaved middleware resets it when the request ends.")
print(textwrap.fill(text, width=40))
print(textwrap.wrap(text, 30)[:3])
print(textwrap.fill(text, width=50, initial_indent="* ", subsequent_indent="  "))
print(textwrap.shorten(text, width=60), textwrap.shorten("Hello  world!", width=12))
print(textwrap.fill("A long-hyphenated-word and supercalifragilisticexpialidocious end.", width=12))
print(textwrap.wrap("Sentence one. Sentence two.", width=80, fix_sentence_endings=True))
print(textwrap.wrap("\tTabbed\ttext  here", width=12, expand_tabs=True, tabsize=4))
print(textwrap.wrap(text, width=25, max_lines=3, placeholder=" ..."))
print(repr(textwrap.dedent("""
    def handler():
        return 1
      # comment
    """)))
print(repr(textwrap.indent("a\n\nb\n", "> ")), repr(textwrap.indent("a\n\nb", "+", lambda l: True)))
try:
    textwrap.wrap("x", width=0)
except ValueError as e:
    print(e)
t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()), "abcdd-e".translate(t), "hello".translate({ord("l"): None, "h": "J"} and {104: "J", 108: None}))
print(str.maketrans({"a": "1", 98: None}), "ab".maketrans("a", "b"))
for bad in [lambda: str.maketrans("ab", "c"), lambda: str.maketrans([1]), lambda: str.maketrans({"ab": 1}), lambda: "a".translate({97: 1.5}), lambda: "a".translate({97: -1})]:
    try: bad()
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
print("hello-world o'neil 3rd ǅemal".title(), "ßtraße".capitalize(), "ǆa".capitalize())
