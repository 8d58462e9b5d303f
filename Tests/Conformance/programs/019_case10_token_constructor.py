# SEMANTICS §5 case 10: Token() cannot be called.
from contextvars import Token

try:
    Token()
except RuntimeError as e:
    print('RuntimeError:', e)
