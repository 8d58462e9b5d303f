"""ctxlab's `test` package: only what CPython's own test files import from it to run under
ctxlab (test.support and test.support.threading_helper); CPython's regression tests themselves
are not here. Written for ctxlab."""
