# str.isdigit/isnumeric/isdecimal/isalpha/isalnum/isspace/isupper/islower/isidentifier/isascii by code point, as Objects/unicodeobject.c.
for s in ["", "abc", "ABC", "Abc", "a1", "²", "٣", "½", "Ⅻ", " \t\x1c", "\u3000", "ǅ", "ß", "e\u0301", "_x1", "1x", "é", "ab c", "한국", "ABC1", "ⅷ"]:
    print(ascii(s), [getattr(s, m)() for m in ["isdigit", "isnumeric", "isdecimal", "isalpha", "isalnum", "isspace", "isupper", "islower", "isidentifier", "isascii"]])
