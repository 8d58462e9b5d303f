# A script's module globals: __name__ is '__main__' and __doc__ is None without a docstring.
print(__name__, __doc__)
