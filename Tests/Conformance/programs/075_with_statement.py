# with: __enter__/__exit__, `as`, exception passed to __exit__, suppression, nesting and
# multiple items.
class Managed:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print('exit', self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress

with Managed('a') as value:
    print('body', value)

with Managed('outer') as o, Managed('inner') as i:
    print('body', o, i)

with Managed('quiet', suppress=True):
    raise ValueError('swallowed')
print('after suppressed')

try:
    with Managed('loud'):
        raise KeyError('propagates')
except KeyError as e:
    print('caught', repr(e))

def early():
    with Managed('ret'):
        return 'returned'

print(early())
for n in range(3):
    with Managed(str(n)):
        if n == 1:
            break
