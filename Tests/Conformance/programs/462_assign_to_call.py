# Assigning to a call is a SyntaxError: CPython underlines the call and suggests ==.
from contextvars import ContextVar
request_id = ContextVar("request_id")
if True:
    request_id.get() = "r-1"
