"""ctxlab's test.support: the decorators of CPython's Lib/test/support/__init__.py that its
tests of contextvars use. Written for ctxlab; no CPython code is copied.

requires_resource skips a test that needs a resource regrtest's -u option would enable (as
CPython's does when the tests are not run by regrtest, for 'cpu' and the other costly resources).
"""

import unittest

verbose = 1
use_resources = None  # not run by regrtest: only the cheap resources are enabled

_COSTLY_RESOURCES = {'audio', 'curses', 'largefile', 'network', 'decimal', 'cpu',
                     'subprocess', 'urlfetch', 'gui', 'walltime', 'tzdata', 'extralargefile'}


def is_resource_enabled(resource):
    """Test whether a resource is enabled."""
    return use_resources is None and resource not in _COSTLY_RESOURCES or \
        use_resources is not None and resource in use_resources


def requires_resource(resource):
    if is_resource_enabled(resource):
        return lambda func: func
    return unittest.skip(f"resource {resource!r} is not enabled")


def requires(resource, msg=None):
    """Raise ResourceDenied if the specified resource is not available."""
    if not is_resource_enabled(resource):
        if msg is None:
            msg = "Use of the %r resource not enabled" % resource
        raise ResourceDenied(msg)


class ResourceDenied(unittest.SkipTest):
    """Test skipped because it requested a disallowed resource."""


def cpython_only(test):
    """Decorator for tests only applicable on CPython."""
    return unittest.skip("CPython only")(test)
