# An exception group nested 1000 deep prints as CPython's traceback module prints it: at most
# max_group_depth (10) levels and max_group_width (15) members, in linear time (it once took
# ctxlab 102 s). The uncaught group's traceback is on stderr; the last line is compared.
wide = ExceptionGroup("wide", [ValueError(i) for i in range(20)])
try:
    raise wide
except ExceptionGroup as e:
    print(len(e.exceptions), "members")
e = ValueError("innermost")
for i in range(1000):
    e = ExceptionGroup("level %d" % i, [e, KeyError(i)] if i % 100 == 0 else [e])
raise e
