# str by code point: len, indexing, slicing, iteration, search offsets, startswith/endswith,
# split/replace/partition, padding widths and precision, strip, and equality of
# canonically equivalent but different code points (e + U+0301 is not U+00E9).
s = "a\r\nb"
print(len(s), len("e\u0301"), len("🇯🇵"), ascii("🇯🇵"[0]), ascii("🇯🇵"[1:]), [ascii(c) for c in "e\u0301"], ascii("e\u0301"[::-1]))
print("\u00e9" == "e\u0301", "e\u0301".startswith("e"), "e\u0301".find("\u0301"), ascii("e\u0301".split("\u0301")), "x\u0301y".index("y"))
print(ascii("e\u0301".replace("", "-")), ascii("ae\u0301b".partition("\u0301")), "e\u0301".endswith("\u0301"), ascii("e\u0301".removeprefix("e")), ascii("e\u0301".removesuffix("\u0301")))
print(repr(f"{'e' + chr(0x301):>4}"), len(f"{'🇯🇵':5}"), "%3s|" % "🇯🇵", ascii("%.1s" % "🇯🇵"), "e\u0301".center(5, "*"), ascii("e\u0301".ljust(3)))
d = {"\u00e9": 1}; print("e\u0301" in d, {"\u00e9", "e\u0301"}.__len__(), "\u0301" in "e\u0301", "e\u0301".count("\u0301"))
print(sorted(["e\u0301", "\u00e9", "e"]) == ["e", "e\u0301", "\u00e9"], "\u00e9" < "e\u0301", list(reversed("ab\u0301")) == ["\u0301", "b", "a"])
print(type(iter("é")).__name__, type(iter("e")).__name__, "한국어"[1], len("한국어"), "한국어".find("어"))
print(ascii("e\u0301".strip("\u0301")), repr(" \t\x1c a \u3000".strip()), repr("xxaxx".strip("x")), repr("  a  ".lstrip()), repr("ab  ".rstrip()))
s="héllo"
print(s[0], s[1], s[4], s[-1])
try: s[5]
except IndexError as e: print(e)
try: s[-6]
except IndexError as e: print(e)
