# Classes: __init__, methods, class and instance attributes, inheritance, super(), __repr__ and
# __str__, __eq__, __len__, class-level counters, isinstance/issubclass, default object repr.
class Animal:
    kind = 'animal'
    count = 0

    def __init__(self, name):
        self.name = name
        Animal.count += 1

    def speak(self):
        return f'{self.name} makes a sound'

    def __repr__(self):
        return f'Animal({self.name!r})'

class Dog(Animal):
    kind = 'dog'

    def __init__(self, name, tricks=()):
        super().__init__(name)
        self.tricks = list(tricks)

    def speak(self):
        return super().speak() + ' (woof)'

    def __str__(self):
        return f'Dog {self.name} knows {len(self.tricks)} tricks'

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __len__(self):
        return 2

    def __repr__(self):
        return 'Point(%d, %d)' % (self.x, self.y)

    def moved(self, dx=0, dy=0):
        return Point(self.x + dx, self.y + dy)

a = Animal('generic')
d = Dog('rex', ['sit', 'roll'])
print(a, repr(a), a.speak())
print(d, repr(d), d.speak())
print([a, d], str([d]))
print(Animal.count, d.kind, a.kind, Dog.kind, Animal.kind)
print(isinstance(d, Animal), isinstance(a, Dog), issubclass(Dog, Animal), issubclass(Dog, object))
print(type(d).__name__, type(d) is Dog, Dog.__name__)
p = Point(1, 2)
print(p == Point(1, 2), p != Point(2, 1), p == (1, 2), len(p), p.moved(dy=5))
d.name = 'max'
d.age = 3
print(d.name, d.age, getattr(d, 'missing', 'none'))

class Plain:
    pass

print(repr(Plain()).startswith('<__main__.Plain object at 0x'), Plain())
m = p.moved
print(m(1), callable(m))

class Base:
    def hello(self):
        return 'base hello from ' + self.who()
    def who(self):
        return 'Base'

class Derived(Base):
    def who(self):
        return 'Derived'

print(Derived().hello())
