"""JSON (JavaScript Object Notation) <https://json.org> is a subset of JavaScript syntax used as a
lightweight data interchange format."""
# ctxlab's json: follows CPython 3.14's pure-Python paths of Lib/json (encoder.py's
# _make_iterencode and py_encode_basestring(_ascii), decoder.py's py_scanstring, JSONObject,
# JSONArray and scanner.py's py_make_scanner, with their error messages and positions), written
# for ctxlab. The encoder appends to a list instead of yielding chunks, and the scanner works on
# the list of the text's characters (same results, positions counted in characters). Where
# the C scanner (_json.c, what CPython runs) words an error differently, it is followed.
# Not here: JSONEncoder.iterencode as a generator of chunks.

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder', 'JSONDecodeError', 'JSONEncoder']

_INFINITY = float('inf')

_ESCAPE_DCT = {
    '\\': '\\\\',
    '"': '\\"',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
}
for _i in range(0x20):
    _ESCAPE_DCT.setdefault(chr(_i), '\\u{0:04x}'.format(_i))
del _i


def _encode_basestring(s):
    """Return a JSON representation of a Python string"""
    out = []
    for c in s:
        out.append(_ESCAPE_DCT.get(c, c))
    return '"' + ''.join(out) + '"'


def _encode_basestring_ascii(s):
    """Return an ASCII-only JSON representation of a Python string"""
    out = []
    for c in s:
        e = _ESCAPE_DCT.get(c)
        if e is not None:
            out.append(e)
            continue
        n = ord(c)
        if n < 0x7f:
            out.append(c)
        elif n < 0x10000:
            out.append('\\u{0:04x}'.format(n))
        else:
            # surrogate pair
            n -= 0x10000
            s1 = 0xd800 | ((n >> 10) & 0x3ff)
            s2 = 0xdc00 | (n & 0x3ff)
            out.append('\\u{0:04x}\\u{1:04x}'.format(s1, s2))
    return '"' + ''.join(out) + '"'


class JSONEncoder(object):
    """Extensible JSON <https://json.org> encoder for Python data structures."""
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Implement this method in a subclass such that it returns a serializable object for ``o``, or calls the base implementation (to raise a ``TypeError``)."""
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """Return a JSON string representation of a Python data structure."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return _encode_basestring_ascii(o)
            else:
                return _encode_basestring(o)
        return ''.join(self.iterencode(o, _one_shot=True))

    def iterencode(self, o, _one_shot=False):
        """Encode the given object: the list of its string representation's chunks."""
        markers = {} if self.check_circular else None
        encoder = _encode_basestring_ascii if self.ensure_ascii else _encode_basestring
        allow_nan = self.allow_nan

        def floatstr(o):
            if o != o:
                text = 'NaN'
            elif o == _INFINITY:
                text = 'Infinity'
            elif o == -_INFINITY:
                text = '-Infinity'
            else:
                return float.__repr__(o)
            if not allow_nan:
                raise ValueError("Out of range float values are not JSON compliant: " + repr(o))
            return text

        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        out = []
        _Encoder(out, markers, self.default, encoder, indent, floatstr, self.key_separator,
                 self.item_separator, self.sort_keys, self.skipkeys).encode(o, 0)
        return out


class _Encoder:
    # _make_iterencode's closures as methods: each chunk goes to `out` in the same order.
    def __init__(self, out, markers, default, encoder, indent, floatstr, key_separator,
                 item_separator, sort_keys, skipkeys):
        self.out = out
        self.markers = markers
        self.default = default
        self.encoder = encoder
        self.indent = indent
        self.floatstr = floatstr
        self.key_separator = key_separator
        self.item_separator = item_separator
        self.sort_keys = sort_keys
        self.skipkeys = skipkeys

    def scalar(self, value):
        """The text of a str, None, bool, int or float, or None for anything else."""
        if isinstance(value, str):
            return self.encoder(value)
        elif value is None:
            return 'null'
        elif value is True:
            return 'true'
        elif value is False:
            return 'false'
        elif isinstance(value, int):
            return int.__repr__(value)  # an IntEnum member as its number (_intstr)
        elif isinstance(value, float):
            return self.floatstr(value)
        return None

    def mark(self, o):
        if self.markers is not None:
            markerid = id(o)
            if markerid in self.markers:
                raise ValueError("Circular reference detected")
            self.markers[markerid] = o

    def unmark(self, o):
        if self.markers is not None:
            del self.markers[id(o)]

    def encode_list(self, lst, level):
        if not lst:
            self.out.append('[]')
            return
        self.mark(lst)
        buf = '['
        if self.indent is not None:
            level += 1
            newline_indent = '\n' + self.indent * level
            separator = self.item_separator + newline_indent
            buf += newline_indent
        else:
            newline_indent = None
            separator = self.item_separator
        first = True
        for value in lst:
            if first:
                first = False
            else:
                buf = separator
            text = self.scalar(value)
            if text is not None:
                self.out.append(buf + text)
            else:
                self.out.append(buf)
                self.encode(value, level)
        if newline_indent is not None:
            level -= 1
            self.out.append('\n' + self.indent * level)
        self.out.append(']')
        self.unmark(lst)

    def encode_dict(self, dct, level):
        if not dct:
            self.out.append('{}')
            return
        self.mark(dct)
        self.out.append('{')
        if self.indent is not None:
            level += 1
            newline_indent = '\n' + self.indent * level
            item_separator = self.item_separator + newline_indent
            self.out.append(newline_indent)
        else:
            newline_indent = None
            item_separator = self.item_separator
        first = True
        if self.sort_keys:
            items = sorted(dct.items())
        else:
            items = dct.items()
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = self.floatstr(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif self.skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, '
                                f'not {key.__class__.__name__}')
            if first:
                first = False
            else:
                self.out.append(item_separator)
            self.out.append(self.encoder(key))
            self.out.append(self.key_separator)
            self.encode(value, level)
        if newline_indent is not None:
            level -= 1
            self.out.append('\n' + self.indent * level)
        self.out.append('}')
        self.unmark(dct)

    def encode(self, o, level):
        text = self.scalar(o)
        if text is not None:
            self.out.append(text)
        elif isinstance(o, (list, tuple)):
            self.encode_list(o, level)
        elif isinstance(o, dict):
            self.encode_dict(o, level)
        else:
            self.mark(o)
            self.encode(self.default(o), level)
            self.unmark(o)


# ---------------------------------------------------------------------------
#   Decoding
# ---------------------------------------------------------------------------

class JSONDecodeError(ValueError):
    """Subclass of ValueError with the following additional properties: msg, doc, pos, lineno, colno."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_CONSTANTS = {
    '-Infinity': float('-inf'),
    'Infinity': float('inf'),
    'NaN': float('nan'),
}

_BACKSLASH = {
    '"': '"', '\\': '\\', '/': '/',
    'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}

_WS = ' \t\n\r'
_HEX = '0123456789abcdefABCDEF'
_DIGITS = '0123456789'


class _Scanner:
    # The decoder's functions over the text `doc` and its characters `s` (a list).
    def __init__(self, decoder, doc):
        self.doc = doc
        self.s = list(doc)
        self.n = len(self.s)
        self.strict = decoder.strict
        self.object_hook = decoder.object_hook
        self.object_pairs_hook = decoder.object_pairs_hook
        self.parse_float = decoder.parse_float
        self.parse_int = decoder.parse_int
        self.parse_constant = decoder.parse_constant
        self.memo = {}

    def error(self, msg, pos):
        return JSONDecodeError(msg, self.doc, pos)

    def char(self, i):
        return self.s[i] if 0 <= i < self.n else ''

    def text(self, i, j):
        return ''.join(self.s[i:j])

    def skip_ws(self, i):
        while i < self.n and self.s[i] in _WS:
            i += 1
        return i

    def decode_uXXXX(self, pos):
        esc = self.text(pos + 1, pos + 5)
        if len(esc) == 4 and esc[1] not in 'xX' and all(c in _HEX for c in esc):
            return int(esc, 16)
        raise self.error("Invalid \\uXXXX escape", pos)

    def scanstring(self, end):
        chunks = []
        begin = end - 1
        s = self.s
        while 1:
            # STRINGCHUNK: the characters up to a quote, a backslash or a control character.
            j = end
            while j < self.n and s[j] != '"' and s[j] != '\\' and ord(s[j]) >= 0x20:
                j += 1
            if j >= self.n:
                raise self.error("Unterminated string starting at", begin)
            if j > end:
                chunks.append(self.text(end, j))
            terminator = s[j]
            end = j + 1
            if terminator == '"':
                break
            elif terminator != '\\':
                if self.strict:
                    # The messages and positions are those of CPython's C scanner (_json.c),
                    # which is what CPython runs.
                    raise self.error("Invalid control character at", end - 1)
                else:
                    chunks.append(terminator)
                    continue
            if end >= self.n:
                raise self.error("Unterminated string starting at", begin)
            esc = s[end]
            if esc != 'u':
                if esc not in _BACKSLASH:
                    raise self.error("Invalid \\escape", end - 1)
                char = _BACKSLASH[esc]
                end += 1
            else:
                uni = self.decode_uXXXX(end)
                end += 5
                if 0xd800 <= uni <= 0xdbff and self.text(end, end + 2) == '\\u':
                    uni2 = self.decode_uXXXX(end + 1)
                    if 0xdc00 <= uni2 <= 0xdfff:
                        uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                        end += 6
                char = chr(uni)
            chunks.append(char)
        return ''.join(chunks), end

    def number(self, idx):
        # NUMBER_RE: (-?(?:0|[1-9][0-9]*))(\.[0-9]+)?([eE][-+]?[0-9]+)?
        s, n = self.s, self.n
        i = idx
        if i < n and s[i] == '-':
            i += 1
        if i < n and s[i] == '0':
            i += 1
        elif i < n and s[i] in '123456789':
            while i < n and s[i] in _DIGITS:
                i += 1
        else:
            return None
        integer = self.text(idx, i)
        frac = exp = ''
        if i + 1 < n and s[i] == '.' and s[i + 1] in _DIGITS:
            j = i + 1
            while j < n and s[j] in _DIGITS:
                j += 1
            frac = self.text(i, j)
            i = j
        if i < n and s[i] in 'eE':
            j = i + 1
            if j < n and s[j] in '+-':
                j += 1
            if j < n and s[j] in _DIGITS:
                while j < n and s[j] in _DIGITS:
                    j += 1
                exp = self.text(i, j)
                i = j
        if frac or exp:
            return self.parse_float(integer + frac + exp), i
        return self.parse_int(integer), i

    def scan_once(self, idx):
        """A value at idx, and the index after it; StopIteration(idx) when there is none."""
        if idx >= self.n or idx < 0:
            raise StopIteration(idx)
        nextchar = self.s[idx]
        if nextchar == '"':
            return self.scanstring(idx + 1)
        elif nextchar == '{':
            return self.parse_object(idx + 1)
        elif nextchar == '[':
            return self.parse_array(idx + 1)
        elif nextchar == 'n' and self.text(idx, idx + 4) == 'null':
            return None, idx + 4
        elif nextchar == 't' and self.text(idx, idx + 4) == 'true':
            return True, idx + 4
        elif nextchar == 'f' and self.text(idx, idx + 5) == 'false':
            return False, idx + 5
        m = self.number(idx)
        if m is not None:
            return m
        elif nextchar == 'N' and self.text(idx, idx + 3) == 'NaN':
            return self.parse_constant('NaN'), idx + 3
        elif nextchar == 'I' and self.text(idx, idx + 8) == 'Infinity':
            return self.parse_constant('Infinity'), idx + 8
        elif nextchar == '-' and self.text(idx, idx + 9) == '-Infinity':
            return self.parse_constant('-Infinity'), idx + 9
        else:
            raise StopIteration(idx)

    def value(self, end):
        try:
            return self.scan_once(end)
        except StopIteration as err:
            raise self.error("Expecting value", err.value) from None

    def parse_object(self, end):
        pairs = []
        nextchar = self.char(end)
        if nextchar != '"':
            if nextchar in _WS:
                end = self.skip_ws(end)
                nextchar = self.char(end)
            if nextchar == '}':
                if self.object_pairs_hook is not None:
                    return self.object_pairs_hook(pairs), end + 1
                pairs = {}
                if self.object_hook is not None:
                    pairs = self.object_hook(pairs)
                return pairs, end + 1
            elif nextchar != '"':
                raise self.error("Expecting property name enclosed in double quotes", end)
        end += 1
        while True:
            key, end = self.scanstring(end)
            key = self.memo.setdefault(key, key)
            if self.char(end) != ':':
                end = self.skip_ws(end)
                if self.char(end) != ':':
                    raise self.error("Expecting ':' delimiter", end)
            end = self.skip_ws(end + 1)
            value, end = self.value(end)
            pairs.append((key, value))
            end = self.skip_ws(end)
            nextchar = self.char(end)
            end += 1
            if nextchar == '}':
                break
            elif nextchar != ',':
                raise self.error("Expecting ',' delimiter", end - 1)
            comma_idx = end - 1
            end = self.skip_ws(end)
            nextchar = self.char(end)
            end += 1
            if nextchar != '"':
                if nextchar == '}':
                    raise self.error("Illegal trailing comma before end of object", comma_idx)
                raise self.error("Expecting property name enclosed in double quotes", end - 1)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), end
        pairs = dict(pairs)
        if self.object_hook is not None:
            pairs = self.object_hook(pairs)
        return pairs, end

    def parse_array(self, end):
        values = []
        end = self.skip_ws(end)
        if self.char(end) == ']':
            return values, end + 1
        while True:
            value, end = self.value(end)
            values.append(value)
            end = self.skip_ws(end)
            nextchar = self.char(end)
            end += 1
            if nextchar == ']':
                break
            elif nextchar != ',':
                raise self.error("Expecting ',' delimiter", end - 1)
            comma_idx = end - 1
            end = self.skip_ws(end)
            if self.char(end) == ']':
                raise self.error("Illegal trailing comma before end of array", comma_idx)
        return values, end


class JSONDecoder(object):
    """Simple JSON <https://json.org> decoder."""

    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or (lambda name: _CONSTANTS[name])
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        """Return the Python representation of ``s`` (a ``str`` instance containing a JSON document)."""
        scanner = _Scanner(self, s)
        obj, end = self._raw_decode(scanner, scanner.skip_ws(0))
        end = scanner.skip_ws(end)
        if end != scanner.n:
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode a JSON document from ``s`` (a ``str`` beginning with a JSON document) and return a 2-tuple of the Python representation and the index in ``s`` where the document ended."""
        return self._raw_decode(_Scanner(self, s), idx)

    def _raw_decode(self, scanner, idx):
        try:
            return scanner.scan_once(idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", scanner.doc, err.value) from None


_default_encoder = JSONEncoder()
_default_decoder = JSONDecoder()


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
         allow_nan=True, cls=None, indent=None, separators=None,
         default=None, sort_keys=False, **kw):
    """Serialize ``obj`` as a JSON formatted stream to ``fp`` (a ``.write()``-supporting file-like object)."""
    fp.write(dumps(obj, skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                   check_circular=check_circular, allow_nan=allow_nan, cls=cls,
                   indent=indent, separators=separators, default=default,
                   sort_keys=sort_keys, **kw))


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None,
          default=None, sort_keys=False, **kw):
    """Serialize ``obj`` to a JSON formatted ``str``."""
    if (not skipkeys and ensure_ascii and
        check_circular and allow_nan and
        cls is None and indent is None and separators is None and
        default is None and not sort_keys and not kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(
        skipkeys=skipkeys, ensure_ascii=ensure_ascii,
        check_circular=check_circular, allow_nan=allow_nan, indent=indent,
        separators=separators, default=default, sort_keys=sort_keys,
        **kw).encode(obj)


def load(fp, *, cls=None, object_hook=None, parse_float=None,
         parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize ``fp`` (a ``.read()``-supporting file-like object containing a JSON document) to a Python object."""
    return loads(fp.read(),
                 cls=cls, object_hook=object_hook,
                 parse_float=parse_float, parse_int=parse_int,
                 parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, **kw)


def loads(s, *, cls=None, object_hook=None, parse_float=None,
          parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize ``s`` (a ``str`` instance containing a JSON document) to a Python object."""
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    else:
        if not isinstance(s, bytes):  # (ctxlab has no bytearray)
            raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                            f'not {s.__class__.__name__}')
        s = s.decode('utf-8')
    if (cls is None and object_hook is None and
            parse_int is None and parse_float is None and
            parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    if parse_constant is not None:
        kw['parse_constant'] = parse_constant
    return cls(**kw).decode(s)
