# Inside a method, a misspelt attribute of self may be an underscored one: CPython offers
# underscored names when the object is the frame's own self.
class Counter:
    def __init__(self):
        self._count = 0

    def bump(self):
        self._count += 1
        return self.count


print(Counter().bump())
