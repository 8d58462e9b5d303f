"""Normaliser for ctxlab's conformance corpus.

Both the expected files (recorded from CPython by ``regenerate.py``) and ctxlab's actual output are
passed through the same rules before they are compared byte for byte. The rules, in this order:

1. UUIDs. Every match of the case-insensitive regular expression

       [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}

   is replaced by ``<uuid-N>``, where N (1, 2, 3, ...) numbers the *distinct* UUIDs in order of
   first appearance. Two occurrences of the same UUID (compared lower-cased) get the same N, so
   the equality structure of the output is kept while the random values are dropped. The
   numbering is shared by the texts of one program run: stdout is normalised first, then the
   stderr line, with the same table (see ``normalize_run``).
2. Addresses. Every match of ``0x[0-9a-f]+`` (lower-case hex, as CPython's ``%p`` prints) is
   replaced by ``0x…`` (``0x`` followed by U+2026 HORIZONTAL ELLIPSIS).

Nothing else is changed: no whitespace trimming, no line-ending conversion. Text is handled as
str (UTF-8 when read from bytes).

The expected files of one program ``NNN_topic.py`` are:

* ``NNN_topic.out``    -- the program's whole stdout, normalised;
* ``NNN_topic.err``    -- when the exit status is not 0: the last non-empty line of stderr,
  normalised, followed by one ``\\n`` (e.g. ``ValueError: boom\\n``); an empty file when the
  status is 0 (stderr of a successful program is not compared);
* ``NNN_topic.status`` -- the exit status as decimal digits followed by ``\\n``.
"""

import re

UUID_RE = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
)
ADDRESS_RE = re.compile(r"0x[0-9a-f]+")
ADDRESS_REPLACEMENT = "0x\u2026"


def normalize(text, uuid_table=None):
    """Return ``text`` with UUIDs and addresses replaced (rules 1 and 2 above).

    ``uuid_table`` maps lower-cased UUID strings to their numbers; pass the same dict for several
    texts of one run to share the numbering. When omitted, a fresh table is used. The function has
    no other effect than updating that dict.
    """
    if uuid_table is None:
        uuid_table = {}

    def replace_uuid(match):
        key = match.group(0).lower()
        if key not in uuid_table:
            uuid_table[key] = len(uuid_table) + 1
        return "<uuid-%d>" % uuid_table[key]

    text = UUID_RE.sub(replace_uuid, text)
    return ADDRESS_RE.sub(ADDRESS_REPLACEMENT, text)


def last_stderr_line(stderr):
    """The last non-empty line of ``stderr`` (without its line break), or "" if there is none."""
    for line in reversed(stderr.splitlines()):
        if line.strip():
            return line
    return ""


def normalize_run(stdout, stderr, status):
    """Turn one run into the exact contents of the three expected files.

    Returns ``(out, err, status_text)``: ``out`` is the normalised stdout; ``err`` is the
    normalised last non-empty stderr line plus ``\\n`` when ``status != 0`` and ``""`` otherwise;
    ``status_text`` is ``"%d\\n" % status``.
    """
    table = {}
    out = normalize(stdout, table)
    err = ""
    if status != 0:
        err = normalize(last_stderr_line(stderr), table) + "\n"
    return out, err, "%d\n" % status


if __name__ == "__main__":
    import sys

    sys.stdout.write(normalize(sys.stdin.read()))
