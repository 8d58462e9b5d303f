# Inside a method, a bare name that is an attribute of self: CPython suggests 'self.name'.
class Counter:
    def __init__(self):
        self.count = 0

    def bump(self):
        self.count += 1
        return count


c = Counter()
print(c.bump())
