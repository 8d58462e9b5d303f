"""Thread module emulating a subset of Java's threading model."""
# ctxlab's threading: the synchronisation primitives follow CPython 3.13's Lib/threading.py
# (RLock as _PyRLock does it, Condition with one waiter lock per wait, Semaphore,
# BoundedSemaphore, Event and Barrier on a Condition, Timer on an Event), written for ctxlab on
# the native _thread.lock (Sources/CtxLang/Modules/ThreadModule.swift). Threads themselves are
# ctxlab's simulated ones (Sources/CtxCore/Threads): a thread blocked in acquire() waits until a
# release wakes it, and one that would wait for ever with nothing left to run is reported as a
# deadlock.

import _thread
from time import monotonic as _time

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread', 'enumerate', 'main_thread',
           'TIMEOUT_MAX', 'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError', 'local', 'get_native_id']

Thread = _thread._ctxlab_Thread
local = _thread._local
current_thread = _thread._ctxlab_current_thread
main_thread = _thread._ctxlab_main_thread
active_count = _thread._ctxlab_active_count
enumerate = _thread._ctxlab_enumerate
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
_allocate_lock = _thread.allocate_lock
Lock = _thread.LockType
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
_check_acquire_args = _thread._ctxlab_acquire_args


# RLock: CPython's is the C _thread.RLock; this one keeps its behaviour (owner and count, its
# repr and messages) with _PyRLock's algorithm.

class RLock:
    """A reentrant lock: the thread that holds it may acquire it again; it is free again once
    that thread has released it as many times."""

    __module__ = "_thread"

    def __init__(self):
        self._block = _allocate_lock()
        self._owner = None
        self._count = 0

    def __repr__(self):
        state = "locked" if self._block.locked() else "unlocked"
        owner = self._owner if self._owner is not None else 0
        return f"<{state} _thread.RLock object owner={owner} count={self._count} at {id(self):#x}>"

    def acquire(self, blocking=True, timeout=-1):
        _check_acquire_args(blocking, timeout)
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return True
        got = self._block.acquire(blocking, timeout)
        if got:
            self._owner = me
            self._count = 1
        return got

    def __enter__(self):
        return self.acquire()

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if self._count == 0:
            self._owner = None
            self._block.release()

    def __exit__(self, t, v, tb):
        self.release()

    def _recursion_count(self):
        return self._count if self._owner == get_ident() else 0

    def _is_owned(self):
        return self._owner == get_ident()

    # What Condition.wait saves while it waits, and gives back when it has the lock again.
    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        state = (self._count, self._owner)
        self._count = 0
        self._owner = None
        self._block.release()
        return state

    def _acquire_restore(self, state):
        self._block.acquire()
        self._count, self._owner = state


_CRLock = RLock


def RLock(*args, **kwargs):
    """Factory function that returns a new reentrant lock."""
    return _CRLock(*args, **kwargs)


class Condition:
    """A condition variable: threads wait on it, with its lock released meanwhile, until another
    thread that holds the lock notifies them."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        # A lock of the RLock kind knows its owner; a plain Lock is released and taken back.
        for name in ("_release_save", "_acquire_restore", "_is_owned"):
            try:
                setattr(self, name, getattr(lock, name))
            except AttributeError:
                pass
        # One lock per waiting thread, held while it waits: notify releases it.
        self._waiters = []

    def _at_fork_reinit(self):
        self._waiters.clear()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return f"<Condition({self._lock}, {len(self._waiters)})>"

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, state):
        self._lock.acquire()

    def _is_owned(self):
        # Free means not ours: take it back at once. Held means ours (it cannot tell whose).
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        """Releases the lock, waits until notified or until the timeout, and takes the lock
        again. True unless the timeout passed."""
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved = self._release_save()
        notified = False
        try:
            if timeout is None:
                notified = waiter.acquire()
            elif timeout > 0:
                notified = waiter.acquire(True, timeout)
            else:
                notified = waiter.acquire(False)
            return notified
        finally:
            self._acquire_restore(saved)
            if not notified and waiter in self._waiters:
                self._waiters.remove(waiter)

    def wait_for(self, predicate, timeout=None):
        """Waits until predicate() is true, or the timeout passes; returns predicate()'s last
        value."""
        deadline = None
        remaining = timeout
        result = predicate()
        while not result:
            if remaining is not None:
                if deadline is None:
                    deadline = _time() + remaining
                else:
                    remaining = deadline - _time()
                    if remaining <= 0:
                        break
            self.wait(remaining)
            result = predicate()
        return result

    def notify(self, n=1):
        """Wakes up to n of the threads waiting on this condition, the longest waiting first."""
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        while self._waiters and n > 0:
            waiter = self._waiters[0]
            try:
                waiter.release()
            except RuntimeError:
                pass  # released by an earlier notify that did not get to remove it
            else:
                n -= 1
            if waiter in self._waiters:
                self._waiters.remove(waiter)

    def notify_all(self):
        """Wakes every thread waiting on this condition."""
        self.notify(len(self._waiters))


class Semaphore:
    """A counter that acquire() decrements, waiting while it is zero, and release() increments."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: value={self._value}>"

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        got = False
        deadline = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if deadline is None:
                        deadline = _time() + timeout
                    else:
                        timeout = deadline - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                got = True
        return got

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore that refuses to be released above its initial value."""

    def __init__(self, value=1):
        super().__init__(value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}/{self._initial_value}>")

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


class Event:
    """A flag that threads wait for until another thread sets it."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        status = 'set' if self._flag else 'unset'
        return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: {status}>"

    def _at_fork_reinit(self):
        self._cond._at_fork_reinit()

    def is_set(self):
        return self._flag

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        """Waits until the flag is set or the timeout passes; returns the flag."""
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


class BrokenBarrierError(RuntimeError):
    pass


# Barrier states.
_FILLING, _DRAINING, _RESETTING, _BROKEN = 0, 1, -1, -2


class Barrier:
    """Lets `parties` threads wait for each other: each wait() returns once all have called it."""

    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be > 0")
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = _FILLING
        self._count = 0

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: broken>"
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" waiters={self.n_waiting}/{self.parties}>")

    def wait(self, timeout=None):
        """Waits for the other parties; returns this thread's arrival index (0 to parties-1)."""
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        # The threads of the previous round leave first.
        while self._state in (_RESETTING, _DRAINING):
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError

    def _release(self):
        # The last to arrive runs the action, then lets the others go.
        try:
            if self._action:
                self._action()
            self._state = _DRAINING
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != _FILLING, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError

    def _exit(self):
        # The last to leave opens the barrier for the next round.
        if self._count == 0 and self._state in (_RESETTING, _DRAINING):
            self._state = _FILLING
            self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._state in (_FILLING, _BROKEN):
                    self._state = _RESETTING
            else:
                self._state = _FILLING
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def _break(self):
        self._state = _BROKEN
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count if self._state == _FILLING else 0

    @property
    def broken(self):
        return self._state == _BROKEN


class Timer(Thread):
    """Call a function after a specified number of seconds:

            t = Timer(30.0, f, args=None, kwargs=None)
            t.start()
            t.cancel()     # stop the timer's action if it's still waiting

    """

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        """Stop the timer if it hasn't finished yet."""
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()
