"""collections.abc: the ABCs of Lib/_collections_abc.py (ctxlab's; see that file)."""

from _collections_abc import *
from _collections_abc import __all__
from _collections_abc import _check_methods
