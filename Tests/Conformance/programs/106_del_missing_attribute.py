# Deleting a missing attribute: CPython's message, and no "Did you mean" (only lookups get one).
class Session:
    def __init__(self):
        self.value = 1


s = Session()
del s.value
print(hasattr(s, "value"))
del s.valeu
