# Deep structures (issue 12): a repr or == of nested lists deeper than CPython's C recursion
# limit raises RecursionError; freeing a list nested a million deep is fine (ctxlab frees
# containers without recursion, like CPython's trashcan).
a = []
b = []
for i in range(20000):
    a = [a]
    b = [b]
for what, thunk in (("repr", lambda: repr(a)), ("==", lambda: a == b), ("str", lambda: str({"k": a}))):
    try:
        thunk()
        print(what, "ok")
    except RecursionError as e:
        print(what, "RecursionError:", e)

shallow = []
for i in range(500):
    shallow = [shallow]
print(len(repr(shallow)), shallow == shallow, [[1, [2]]] == [[1, [2]]], [[1, [2]]] == [[1, [3]]])

deep = []
for i in range(1000000):
    deep = [deep]
deep = None
print("freed a list nested a million deep")

node = None
for i in range(300000):
    node = (node, i)
node = None
print("freed a chain of 300000 tuples")
