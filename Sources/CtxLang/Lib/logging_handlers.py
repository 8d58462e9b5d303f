"""Additional handlers for the logging package for Python.

ctxlab's logging.handlers, following the algorithms of CPython 3.13's Lib/logging/handlers.py:
BufferingHandler, MemoryHandler (flushing to a target handler), QueueHandler (prepare: the
message merged, args/exc_info/exc_text/stack_info cleared on a copy) and QueueListener (a daemon
thread handing records to its handlers until the sentinel). Written for ctxlab; no CPython code
is copied.

The handlers that write files or talk to the network (RotatingFileHandler, TimedRotatingFileHandler,
WatchedFileHandler, SocketHandler, DatagramHandler, SysLogHandler, SMTPHandler, NTEventLogHandler,
HTTPHandler) are not in ctxlab: a program here has no files and no network.
"""

import copy
import logging
import queue
import threading


class BufferingHandler(logging.Handler):
    """A handler which buffers records in memory; flush() decides what to do with them."""

    def __init__(self, capacity):
        logging.Handler.__init__(self)
        self.capacity = capacity
        self.buffer = []

    def shouldFlush(self, record):
        """Should the handler flush its buffer? True when the buffer is up to capacity."""
        return len(self.buffer) >= self.capacity

    def emit(self, record):
        """Append the record, and flush when shouldFlush() says so."""
        self.buffer.append(record)
        if self.shouldFlush(record):
            self.flush()

    def flush(self):
        """Empty the buffer (subclasses send the records somewhere first)."""
        with self.lock:
            self.buffer.clear()

    def close(self):
        """Flush, then close as a Handler does."""
        try:
            self.flush()
        finally:
            logging.Handler.close(self)


class MemoryHandler(BufferingHandler):
    """Buffers records and flushes them to a target handler when the buffer is full or a record
    of flushLevel or higher arrives."""

    def __init__(self, capacity, flushLevel=logging.ERROR, target=None, flushOnClose=True):
        BufferingHandler.__init__(self, capacity)
        self.flushLevel = flushLevel
        self.target = target
        self.flushOnClose = flushOnClose

    def shouldFlush(self, record):
        """A full buffer, or a record at the flush level or higher."""
        return len(self.buffer) >= self.capacity or record.levelno >= self.flushLevel

    def setTarget(self, target):
        """Set the target handler for this handler."""
        with self.lock:
            self.target = target

    def flush(self):
        """Send the buffered records to the target, if there is one, and then empty the buffer."""
        with self.lock:
            if self.target:
                for record in self.buffer:
                    self.target.handle(record)
                self.buffer.clear()

    def close(self):
        """Flush if flushOnClose, then drop the target and the buffer."""
        try:
            if self.flushOnClose:
                self.flush()
        finally:
            with self.lock:
                self.target = None
                BufferingHandler.close(self)


class QueueHandler(logging.Handler):
    """Sends records to a queue, for a QueueListener (or any consumer) to handle elsewhere."""

    def __init__(self, queue):
        logging.Handler.__init__(self)
        self.queue = queue
        self.listener = None  # set when dictConfig() configures the handler

    def enqueue(self, record):
        """Put the record on the queue without blocking."""
        self.queue.put_nowait(record)

    def prepare(self, record):
        """A copy of the record with the message merged and what cannot travel removed."""
        msg = self.format(record)
        record = copy.copy(record)
        record.message = msg
        record.msg = msg
        record.args = None
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return record

    def emit(self, record):
        """Prepare the record and enqueue it."""
        try:
            self.enqueue(self.prepare(record))
        except Exception:
            self.handleError(record)


class QueueListener(object):
    """Watches a queue for records on a thread of its own and passes them to its handlers."""

    _sentinel = None

    def __init__(self, queue, *handlers, respect_handler_level=False):
        self.queue = queue
        self.handlers = handlers
        self._thread = None
        self.respect_handler_level = respect_handler_level

    def dequeue(self, block):
        """Take a record from the queue, blocking if block is true."""
        return self.queue.get(block)

    def start(self):
        """Start the background thread that monitors the queue."""
        self._thread = t = threading.Thread(target=self._monitor)
        t.daemon = True
        t.start()

    def prepare(self, record):
        """The record to hand to the handlers (the record itself here)."""
        return record

    def handle(self, record):
        """Offer the record to each handler (at or above its level if respect_handler_level)."""
        record = self.prepare(record)
        for handler in self.handlers:
            if not self.respect_handler_level:
                process = True
            else:
                process = record.levelno >= handler.level
            if process:
                handler.handle(record)

    def _monitor(self):
        """The thread's loop: handle records until the sentinel arrives."""
        q = self.queue
        has_task_done = hasattr(q, 'task_done')
        while True:
            try:
                record = self.dequeue(True)
                if record is self._sentinel:
                    if has_task_done:
                        q.task_done()
                    break
                self.handle(record)
                if has_task_done:
                    q.task_done()
            except queue.Empty:
                break

    def enqueue_sentinel(self):
        """Put the sentinel on the queue, telling the thread to stop."""
        self.queue.put_nowait(self._sentinel)

    def stop(self):
        """Stop the listener: enqueue the sentinel and wait for the thread to finish."""
        if self._thread:  # gh-114706: stop() may be called more than once
            self.enqueue_sentinel()
            self._thread.join()
            self._thread = None
