# Missing attributes of classes: C types are spelt as their tp_name, a builtin type's method
# table is real (list.apend does not exist), and the traceback suggests the closest method.
import asyncio
import contextvars

print(getattr(list, "apend", "missing"), list.append([], 1))
for cls, attr in ((asyncio.Task, "get_nam"), (list, "apend"), (contextvars.ContextVar, "gett"), (dict, "itms")):
    try:
        getattr(cls, attr)
    except AttributeError as e:
        print(e)
asyncio.Task.get_nam
