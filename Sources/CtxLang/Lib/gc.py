"""ctxlab's gc: the interface of CPython's gc module (Modules/gcmodule.c), honestly empty.

ctxlab frees an object when its last reference goes, as CPython's reference counting does; it has
no cycle collector, so objects that only refer to each other stay allocated. collect() therefore
finds nothing and returns 0, and the counts are zero. Written for ctxlab.
"""

DEBUG_STATS = 1
DEBUG_COLLECTABLE = 2
DEBUG_UNCOLLECTABLE = 4
DEBUG_SAVEALL = 32
DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL

garbage = []
callbacks = []
_enabled = True
_threshold = (2000, 10, 0)
_debug = 0


def collect(generation=2):
    """Run the garbage collector: in ctxlab there is nothing for it to find (returns 0)."""
    if not isinstance(generation, int):
        raise TypeError(f"'{type(generation).__name__}' object cannot be interpreted as an integer")
    if not 0 <= generation <= 2:
        raise ValueError("invalid generation")
    return 0


def enable():
    """Enable automatic garbage collection."""
    global _enabled
    _enabled = True


def disable():
    """Disable automatic garbage collection."""
    global _enabled
    _enabled = False


def isenabled():
    """Returns true if automatic garbage collection is enabled."""
    return _enabled


def get_count():
    """Return a three-tuple of the current collection counts."""
    return (0, 0, 0)


def get_threshold():
    """Return the current collection thresholds."""
    return _threshold


def set_threshold(threshold0, threshold1=None, threshold2=None, /):
    """Set the collection thresholds (they change nothing in ctxlab)."""
    global _threshold
    t = list(_threshold)
    for i, v in enumerate((threshold0, threshold1, threshold2)):
        if v is not None:
            t[i] = v
    _threshold = tuple(t)


def get_debug():
    """Get the garbage collection debugging flags."""
    return _debug


def set_debug(flags, /):
    """Set the garbage collection debugging flags."""
    global _debug
    _debug = flags


def is_tracked(obj, /):
    """Returns true if the object is tracked by the garbage collector (containers are)."""
    return not isinstance(obj, (int, float, str, bytes, bool, type(None)))


def is_finalized(obj, /):
    """Returns true if the object has been already finalized by the GC."""
    return False


def freeze():
    """Freeze all current tracked objects (nothing to do in ctxlab)."""


def unfreeze():
    """Unfreeze all objects in the permanent generation."""


def get_freeze_count():
    """Return the number of objects in the permanent generation."""
    return 0
