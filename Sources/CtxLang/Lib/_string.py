"""string helper module: the parsers of format strings that string.Formatter uses.

ctxlab's _string, after CPython's Objects/stringlib/unicode_format.h (MarkupIterator_next,
parse_field, FieldNameIterator_next), which CPython writes in C: formatter_parser yields
(literal_text, field_name, format_spec, conversion) tuples; formatter_field_name_split splits
'a.b[0]' into its first part and (is_attribute, key) pairs. Written for ctxlab; no CPython code
is copied.
"""


def _integer(s):
    # get_integer: the value of a string of decimal digits, else -1
    if not s or not all('0' <= c <= '9' for c in s):
        return -1
    return int(s)


def _parse_field(s, i):
    """parse_field: the field from s[i] (after its '{') to its '}': (field_name, format_spec,
    conversion, the index after the field)."""
    n = len(s)
    start = i
    c = ''
    while i < n:
        c = s[i]
        i += 1
        if c == '{':
            raise ValueError("unexpected '{' in field name")
        if c == '[':
            while i < n and s[i] != ']':
                i += 1
            continue
        if c in '}:!':
            break
    else:
        c = ''
    field_name = s[start:i - 1] if c in ('}', ':', '!') else s[start:i]
    conversion = None
    format_spec = ''
    if c in ('!', ':'):
        if c == '!':
            if i >= n:
                raise ValueError("end of string while looking for conversion specifier")
            conversion = s[i]
            i += 1
            if i < n:
                c = s[i]
                i += 1
                if c == '}':
                    return field_name, format_spec, conversion, i
                if c != ':':
                    raise ValueError("expected ':' after conversion specifier")
        spec_start = i
        count = 1
        while i < n:
            c = s[i]
            i += 1
            if c == '{':
                count += 1
            elif c == '}':
                count -= 1
                if count == 0:
                    return field_name, s[spec_start:i - 1], conversion, i
        raise ValueError("unmatched '{' in format spec")
    if c != '}':
        raise ValueError("expected '}' before end of string")
    return field_name, format_spec, conversion, i


def formatter_parser(format_string):
    """The (literal_text, field_name, format_spec, conversion) tuples of a format string;
    field_name, format_spec and conversion are None after literal text with no field."""
    if not isinstance(format_string, str):
        raise TypeError(f"descriptor 'formatter_parser' requires a 'str' object but received a '{type(format_string).__name__}'")
    return _formatter_parser(format_string)


def _formatter_parser(s):
    n = len(s)
    i = 0
    while i < n:
        start = i
        c = ''
        markup_follows = False
        while i < n:
            c = s[i]
            i += 1
            if c in '{}':
                markup_follows = True
                break
        at_end = i >= n
        length = i - start
        if c == '}' and markup_follows and (at_end or s[i] != '}'):
            raise ValueError("Single '}' encountered in format string")
        if at_end and c == '{' and markup_follows:
            raise ValueError("Single '{' encountered in format string")
        if markup_follows and not at_end:
            if s[i] == c:
                # an escaped '{{' or '}}': literal text with no field
                i += 1
                markup_follows = False
            else:
                length -= 1
        literal = s[start:start + length]
        if not markup_follows:
            yield literal, None, None, None
            continue
        field_name, format_spec, conversion, i = _parse_field(s, i)
        yield literal, field_name, format_spec, conversion


def formatter_field_name_split(field_name):
    """(first, rest): the first part of a field name (an int when it is all digits) and an
    iterator of (is_attribute, key) for the '.name' and '[key]' parts after it."""
    if not isinstance(field_name, str):
        raise TypeError(f"descriptor 'formatter_field_name_split' requires a 'str' object but received a '{type(field_name).__name__}'")
    i = 0
    n = len(field_name)
    while i < n and field_name[i] not in '.[':
        i += 1
    first = field_name[:i]
    index = _integer(first)
    if index != -1:
        first = index
    return first, _field_name_rest(field_name, i)


def _field_name_rest(s, i):
    n = len(s)
    while i < n:
        c = s[i]
        i += 1
        if c == '.':
            start = i
            while i < n and s[i] not in '.[':
                i += 1
            name = s[start:i]
            is_attribute = True
            key = name
        elif c == '[':
            start = i
            while i < n and s[i] != ']':
                i += 1
            if i >= n:
                raise ValueError("Missing ']' in format field")
            name = s[start:i]
            i += 1
            is_attribute = False
            index = _integer(name)
            key = index if index != -1 else name
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        if not name:
            raise ValueError("Empty attribute in format string")
        yield is_attribute, key
