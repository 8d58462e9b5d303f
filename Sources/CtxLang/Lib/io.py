"""The io module, for ctxlab: StringIO, the in-memory text stream.

Follows the behaviour of CPython's Modules/_io/stringio.c (the C StringIO; Lib/_pyio.py is its
Python twin), written for ctxlab: a buffer of code points with a position; write() overwrites
from the position (padding with NULs past the end) and returns the number of characters; the
newline argument translates on write and read as in CPython; read/readline/readlines, seek and
tell, truncate, getvalue, iteration, close and the context manager, with CPython's errors.
ctxlab has no files: open(), FileIO, BytesIO, BufferedReader and TextIOWrapper are not provided.
"""

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError, ValueError):
    pass


class StringIO:
    """Text I/O implementation using an in-memory buffer.

    The initial_value argument sets the value of object.  The newline
    argument is like the one of TextIOWrapper's constructor."""

    __module__ = "_io"

    def __init__(self, initial_value="", newline="\n"):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s" % type(newline).__name__)
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %r" % (newline,))
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s" % type(initial_value).__name__)
        self._newline = newline
        self._closed = False
        self._buffer = ""
        self._pos = 0
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def _check_closed(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def _translate_in(self, s):
        # What a write stores: universal newlines mode (None) stores "\n" for "\r\n" and "\r";
        # "\r" and "\r\n" turn "\n" into themselves.
        if self._newline is None:
            return s.replace("\r\n", "\n").replace("\r", "\n")
        if self._newline in ("\r", "\r\n"):
            return s.replace("\n", self._newline)
        return s

    def write(self, s):
        self._check_closed()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        n = len(s)
        s = self._translate_in(s)
        if self._pos > len(self._buffer):
            self._buffer += "\0" * (self._pos - len(self._buffer))
        self._buffer = self._buffer[:self._pos] + s + self._buffer[self._pos + len(s):]
        self._pos += len(s)
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def getvalue(self):
        self._check_closed()
        return self._buffer

    def read(self, size=-1):
        self._check_closed()
        if size is None:
            size = -1
        if not isinstance(size, int):
            raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
        start = min(self._pos, len(self._buffer))
        end = len(self._buffer) if size < 0 else min(len(self._buffer), start + size)
        self._pos = max(self._pos, end) if start == self._pos else end
        return self._buffer[start:end]

    def readline(self, size=-1):
        self._check_closed()
        if size is None:
            size = -1
        start = min(self._pos, len(self._buffer))
        terminator = "\n" if self._newline in (None, "", "\n") else self._newline
        if self._newline == "":
            # Any of \r, \n, \r\n ends a line.
            i = start
            while i < len(self._buffer) and self._buffer[i] not in "\r\n":
                i += 1
            if i < len(self._buffer):
                i += 2 if self._buffer[i:i + 2] == "\r\n" else 1
            end = i
        else:
            i = self._buffer.find(terminator, start)
            end = len(self._buffer) if i < 0 else i + len(terminator)
        if size >= 0:
            end = min(end, start + size)
        self._pos = end
        return self._buffer[start:end]

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                break
        return lines

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._check_closed()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_closed()
        if not isinstance(pos, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(pos).__name__)
        if whence not in (0, 1, 2):
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        if whence == 0 and pos < 0:
            raise ValueError("Negative seek position %d" % pos)
        if whence != 0 and pos != 0:
            raise OSError("Can't do nonzero cur-relative seeks")
        if whence == 1:
            pos = self._pos
        elif whence == 2:
            pos = len(self._buffer)
        self._pos = pos
        return pos

    def truncate(self, pos=None):
        self._check_closed()
        if pos is None:
            pos = self._pos
        if pos < 0:
            raise ValueError("Negative size value %d" % pos)
        self._buffer = self._buffer[:pos]
        return pos

    def close(self):
        self._closed = True

    @property
    def closed(self):
        return self._closed

    @property
    def newlines(self):
        return None

    @property
    def line_buffering(self):
        return False

    def flush(self):
        self._check_closed()

    def isatty(self):
        self._check_closed()
        return False

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return True

    def detach(self):
        raise UnsupportedOperation("detach")

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *args):
        self.close()

    def __getstate__(self):
        raise TypeError("cannot pickle 'StringIO' instances")
