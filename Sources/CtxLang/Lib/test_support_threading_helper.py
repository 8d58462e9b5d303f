"""ctxlab's test.support.threading_helper: what CPython's Lib/test/support/threading_helper.py
gives the tests of contextvars. ctxlab's threads work (they are simulated, one at a time,
switching where they block), so requires_working_threading lets every test run. Written for
ctxlab; no CPython code is copied."""

import unittest

can_start_thread = True


def requires_working_threading(*, module=False):
    """Skip tests or modules that require working threading (never, in ctxlab)."""
    msg = "requires threading support"
    if module:
        if not can_start_thread:
            raise unittest.SkipTest(msg)
    else:
        return unittest.skipUnless(can_start_thread, msg)


def reap_threads(func):
    """Use this function when threads are being used."""
    return func
