# A typo inside a list comprehension: since 3.12 the comprehension runs inline in the
# function's frame, and its own loop variable is not among the candidates (so 'ii' is closest
# to the builtin 'id', not to 'i').
def request_ids(count):
    prefix = "req"
    print([f"{prefix}-{i}" for i in range(count)])
    return [ii for i in range(count)]


print(request_ids(2))
