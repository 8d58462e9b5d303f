"""Regular expressions, after CPython's Lib/re/__init__.py (the module functions, the flags,
the pattern cache), Lib/re/_parser.py's parse_template (replacement templates) and
Modules/_sre/sre.c (the Pattern and Match types, the scanners of findall, finditer, split and
sub, with their rules for empty matches).

The parser and the matching machine are ctxlab's `_sre` (Swift), which follows _parser.py's
grammar and error messages and _sre's matching order. Written for ctxlab; no CPython code is
copied. Not in ctxlab: bytes patterns, re.LOCALE, re.DEBUG's dump, re.Scanner.
"""

import enum
import sys
import types as _types
import _sre

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag", "PatternError",
]

__version__ = "2.2.1"


class RegexFlag(enum.IntFlag, boundary=enum.KEEP):
    NOFLAG = 0
    ASCII = A = 256
    IGNORECASE = I = 2
    LOCALE = L = 4
    UNICODE = U = 32
    MULTILINE = M = 8
    DOTALL = S = 16
    VERBOSE = X = 64
    DEBUG = 128
    _numeric_repr_ = hex

    # enum.global_enum's repr and str: the members are re's globals.
    def __repr__(self):
        if self._name_ is None:
            return "re.RegexFlag(%r)" % self._value_
        return "|".join(n if n[0].isdigit() else "re." + n for n in self._name_.split("|"))

    __str__ = __repr__

    def __format__(self, spec):
        return format(str(self), spec) if not spec else int.__format__(int(self), spec)


RegexFlag.__module__ = "re"
NOFLAG = RegexFlag.NOFLAG
ASCII = A = RegexFlag.ASCII
IGNORECASE = I = RegexFlag.IGNORECASE
LOCALE = L = RegexFlag.LOCALE
UNICODE = U = RegexFlag.UNICODE
MULTILINE = M = RegexFlag.MULTILINE
DOTALL = S = RegexFlag.DOTALL
VERBOSE = X = RegexFlag.VERBOSE
DEBUG = RegexFlag.DEBUG


class PatternError(Exception):
    """Exception raised for invalid regular expressions (Lib/re/_constants.py).

    Attributes: msg, pattern, pos, lineno, colno."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            self.lineno = pattern.count("\n", 0, pos) + 1
            self.colno = pos - pattern.rfind("\n", 0, pos)
            if "\n" in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


PatternError.__module__ = "re"
error = PatternError

_MAXSIZE = sys.maxsize
_MATCH, _FULLMATCH, _SEARCH = 0, 1, 2
_token = object()


def _subject(string):
    if isinstance(string, bytes):
        raise TypeError("cannot use a string pattern on a bytes-like object")
    if not isinstance(string, str):
        raise TypeError("expected string or bytes-like object, got %r" % type(string).__name__)
    return string


class Pattern:
    """Compiled regular expression object (sre.c's Pattern type)."""

    __slots__ = ("pattern", "flags", "groups", "groupindex", "_code")

    def __init__(self, token=None, pattern=None, flags=0, code=None):
        if token is not _token:
            raise TypeError("cannot create 're.Pattern' instances")
        self.pattern = pattern
        self.flags = code.flags
        self.groups = code.groups
        self.groupindex = _types.MappingProxyType(code.groupindex)
        self._code = code

    def __class_getitem__(cls, item):
        return _types.GenericAlias(cls, item)

    def __repr__(self):
        names = []
        flags = int(self.flags)
        if flags & (4 | 32 | 256) == 32:
            flags &= ~32
        for name, value in (("re.IGNORECASE", 2), ("re.LOCALE", 4), ("re.MULTILINE", 8),
                            ("re.DOTALL", 16), ("re.UNICODE", 32), ("re.VERBOSE", 64),
                            ("re.DEBUG", 128), ("re.ASCII", 256)):
            if flags & value:
                names.append(name)
                flags &= ~value
        if flags:
            names.append("0x%x" % flags)
        text = repr(self.pattern)[:200]
        if not names:
            return "re.compile(%s)" % text
        return "re.compile(%s, %s)" % (text, "|".join(names))

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def _run(self, string, pos, endpos, mode, must_advance=False):
        found = self._code.match(_subject(string), pos, endpos, mode, must_advance)
        if found is None:
            return None
        return Match(_token, self, string, found)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        """Matches zero or more characters at the beginning of the string."""
        return self._run(string, pos, endpos, _MATCH)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        """Matches against all of the string."""
        return self._run(string, pos, endpos, _FULLMATCH)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        """Scan through string looking for a match, and return a corresponding match object
        instance. Return None if no position in the string matches."""
        return self._run(string, pos, endpos, _SEARCH)

    def _scan(self, string, pos=0, endpos=_MAXSIZE):
        # sre.c's scanner: each search starts where the last match ended; after an empty
        # match the next may not be empty at the same place (state->must_advance).
        string = _subject(string)
        n = len(string)
        pos = min(max(pos, 0), n)
        endpos = min(max(endpos, 0), n)
        must_advance = False
        while pos <= endpos:
            m = self._run(string, pos, endpos, _SEARCH, must_advance)
            if m is None:
                return
            yield m
            start, end = m.span()
            must_advance = end == start
            pos = end

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        """Return a list of all non-overlapping matches of pattern in string."""
        found = self._code.scan(_subject(string), pos, endpos, 0)
        if self.groups == 0:
            return [texts[0] for _, texts, _, _ in found]
        if self.groups == 1:
            return [texts[1] or "" for _, texts, _, _ in found]
        return [tuple(t or "" for t in texts[1:]) for _, texts, _, _ in found]

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        """Return an iterator over all non-overlapping matches for the RE pattern in string.
        For each match, the iterator returns a match object."""
        return iter(self._scan(string, pos, endpos))

    def split(self, string, maxsplit=0):
        """Split string by the occurrences of pattern."""
        string = _subject(string)
        if maxsplit < 0:
            return [string]
        result = []
        last = 0
        for found, texts, _, before in self._code.scan(string, 0, _MAXSIZE, maxsplit):
            result.append(before)
            result.extend(texts[1:])
            last = found[2]
        result.append(string[last:] if last else string)
        return result

    def sub(self, repl, string, count=0):
        """Return the string obtained by replacing the leftmost non-overlapping occurrences of
        pattern in string by the replacement repl."""
        return self._subx(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        """Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost
        non-overlapping occurrences of pattern with the replacement repl."""
        return self._subx(repl, string, count)

    def _subx(self, repl, string, count):
        string = _subject(string)
        template = None
        if not callable(repl):
            if not isinstance(repl, str):
                raise TypeError("expected str instance, %s found" % type(repl).__name__)
            if "\\" in repl:
                template = _compile_template(self, repl)
            else:
                template = [repl]
        if count < 0:
            return string, 0
        pieces = []
        last = 0
        found = self._code.scan(string, 0, _MAXSIZE, count)
        for item in found:
            pieces.append(item[3])
            if template is None:
                text = repl(Match(_token, self, string, item[:3]))
                if text is not None:
                    if not isinstance(text, str):
                        raise TypeError("expected str instance, %s found" % type(text).__name__)
                    pieces.append(text)
            else:
                texts = item[1]
                for piece in template:
                    pieces.append(piece if isinstance(piece, str) else (texts[piece] or ""))
            last = item[0][2]
        pieces.append(string[last:] if last else string)
        return "".join(pieces), len(found)

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        raise NotImplementedError("Pattern.scanner() is not supported by ctxlab")


class Match:
    """The result of re.match() and re.search() (sre.c's Match type)."""

    __slots__ = ("re", "string", "pos", "endpos", "lastindex", "_spans", "_texts")

    def __init__(self, token=None, pattern=None, string=None, found=None):
        if token is not _token:
            raise TypeError("cannot create 're.Match' instances")
        self.re = pattern
        self.string = string
        found, self._texts, (self.pos, self.endpos) = found
        self.lastindex = found[0] if found[0] >= 0 else None
        self._spans = [(found[k], found[k + 1]) for k in range(1, len(found), 2)]

    def __class_getitem__(cls, item):
        return _types.GenericAlias(cls, item)

    @property
    def lastgroup(self):
        if self.lastindex is None:
            return None
        for name, index in self.re.groupindex.items():
            if index == self.lastindex:
                return name
        return None

    @property
    def regs(self):
        return tuple(self._spans)

    def _index(self, group):
        # sre.c's match_getindex: an int (not a bool is fine too) or a group name.
        if isinstance(group, int):
            if 0 <= group < len(self._spans):
                return group
        elif isinstance(group, str):
            index = self.re.groupindex.get(group)
            if index is not None:
                return index
        elif hasattr(type(group), "__index__"):
            return self._index(group.__index__())
        raise IndexError("no such group")

    def _get(self, index, default=None):
        text = self._texts[index]
        return default if text is None else text

    def group(self, *groups):
        """group([group1, ...]) -> str or tuple.
        Return subgroup(s) of the match by indices or names.
        For 0 returns the entire match."""
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, group):
        return self._get(self._index(group))

    def groups(self, default=None):
        """Return a tuple containing all the subgroups of the match, from 1."""
        return tuple(self._get(k, default) for k in range(1, len(self._spans)))

    def groupdict(self, default=None):
        """Return a dictionary containing all the named subgroups of the match, keyed by the
        subgroup name."""
        return {name: self._get(index, default) for name, index in self.re.groupindex.items()}

    def start(self, group=0):
        """Return index of the start of the substring matched by group."""
        return self._spans[self._index(group)][0]

    def end(self, group=0):
        """Return index of the end of the substring matched by group."""
        return self._spans[self._index(group)][1]

    def span(self, group=0):
        """For match object m, return the 2-tuple (m.start(group), m.end(group))."""
        return self._spans[self._index(group)]

    def expand(self, template):
        """Return the string obtained by doing backslash substitution on the string
        template, as done by the sub() method."""
        template = _compile_template(self.re, template)
        return "".join(item if isinstance(item, str) else (self._get(item) or "") for item in template)

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __repr__(self):
        return "<re.Match object; span=%r, match=%s>" % (self._spans[0], repr(self.group())[:50])


Pattern.__module__ = Match.__module__ = "re"

# --------------------------------------------------------------------
# replacement templates (_parser.py's parse_template)

_ESCAPES = {"\\a": "\a", "\\b": "\b", "\\f": "\f", "\\n": "\n", "\\r": "\r", "\\t": "\t",
            "\\v": "\v", "\\\\": "\\"}
_DIGITS = "0123456789"
_OCTDIGITS = "01234567"
_template_cache = {}


def _compile_template(pattern, repl):
    key = (pattern.pattern, pattern.flags, repl)
    template = _template_cache.get(key)
    if template is None:
        template = _parse_template(repl, pattern)
        if len(_template_cache) >= 512:
            _template_cache.clear()
        _template_cache[key] = template
    return template


def _parse_template(source, pattern):
    result = []
    literal = []
    n = len(source)
    i = 0

    def fail(msg, pos):
        raise error(msg, source, pos)

    def addliteral():
        if literal:
            result.append("".join(literal))
            del literal[:]

    def addgroup(index, pos):
        if index > pattern.groups:
            fail("invalid group reference %d" % index, pos)
        addliteral()
        result.append(index)

    while i < n:
        this = source[i]
        i += 1
        if this != "\\":
            literal.append(this)
            continue
        if i >= n:
            fail("bad escape (end of pattern)", i - 1)
        start = i - 1
        c = source[i]
        i += 1
        this = "\\" + c
        if c == "g":
            if i >= n or source[i] != "<":
                fail("missing <", i)
            i += 1
            close = source.find(">", i)
            if close < 0:
                if i >= n:
                    fail("missing group name", i)
                fail("missing >, unterminated name", i)
            name = source[i:close]
            if not name:
                fail("missing group name", i)
            i = close + 1
            if not (name.isdecimal() and name.isascii()):
                if not name.isidentifier():
                    fail("bad character in group name %r" % name, i - len(name) - 1)
                try:
                    index = pattern.groupindex[name]
                except KeyError:
                    raise IndexError("unknown group name %r" % name) from None
            else:
                index = int(name)
                if index >= _sre.MAXGROUPS:
                    fail("invalid group reference %d" % index, i - len(name) - 1)
            addgroup(index, i - len(name) - 1)
        elif c == "0":
            if i < n and source[i] in _OCTDIGITS:
                this += source[i]
                i += 1
                if i < n and source[i] in _OCTDIGITS:
                    this += source[i]
                    i += 1
            literal.append(chr(int(this[1:], 8) & 0xff))
        elif c in _DIGITS:
            isoctal = False
            if i < n and source[i] in _DIGITS:
                this += source[i]
                i += 1
                if c in _OCTDIGITS and this[2] in _OCTDIGITS and i < n and source[i] in _OCTDIGITS:
                    this += source[i]
                    i += 1
                    isoctal = True
                    value = int(this[1:], 8)
                    if value > 0o377:
                        fail("octal escape value %s outside of range 0-0o377" % this, start)
                    literal.append(chr(value))
            if not isoctal:
                addgroup(int(this[1:]), start + 1)
        else:
            if this in _ESCAPES:
                literal.append(_ESCAPES[this])
            elif c.isascii() and c.isalpha():
                fail("bad escape %s" % this, start)
            else:
                literal.append(this)
    addliteral()
    return result

# --------------------------------------------------------------------
# the module's functions (Lib/re/__init__.py)


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string, returning a Match object, or None
    if no match was found."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string, returning a Match object, or None if no
    match was found."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern, returning a Match object, or
    None if no match was found."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Return the string obtained by replacing the leftmost non-overlapping occurrences of the
    pattern in string by the replacement repl."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """Return a 2-tuple containing (new_string, number)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the source string by the occurrences of the pattern, returning a list containing
    the resulting substrings."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the string."""
    return _compile(pattern, flags).finditer(string)


def compile(pattern, flags=0):
    "Compile a regular expression pattern, returning a Pattern object."
    return _compile(pattern, flags)


def purge():
    "Clear the regular expression caches"
    _cache.clear()
    _template_cache.clear()


_special_chars_map = {c: "\\" + c for c in "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"}


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return "".join(_special_chars_map.get(c, c) for c in pattern)
    if isinstance(pattern, bytes):
        raise TypeError("bytes patterns are not supported by ctxlab")
    raise TypeError("expected str instance, %s found" % type(pattern).__name__)


_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = flags.value
    key = (type(pattern), pattern, flags)
    try:
        return _cache[key]
    except (KeyError, TypeError):
        pass
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if isinstance(pattern, bytes):
        raise TypeError("bytes patterns are not supported by ctxlab")
    if not isinstance(pattern, str):
        raise TypeError("first argument must be string or compiled pattern")
    if flags & LOCALE:
        raise ValueError("cannot use LOCALE flag with a str pattern")
    if flags & ASCII and flags & UNICODE:
        raise ValueError("ASCII and UNICODE flags are incompatible")
    code = _sre.compile(pattern, flags)
    if isinstance(code, tuple):
        raise error(code[0], pattern, code[1])
    p = Pattern(_token, pattern, flags, code)
    if not flags & DEBUG:
        if len(_cache) >= _MAXCACHE:
            del _cache[next(iter(_cache))]
        _cache[key] = p
    return p
