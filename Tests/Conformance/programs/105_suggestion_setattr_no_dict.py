# Setting a misspelt attribute on an object without __dict__: the traceback suggests the
# attribute meant.
import contextvars

request_id = contextvars.ContextVar("request_id")
print(request_id.name)
request_id.nme = "renamed"
