import contextvars
from uuid import uuid4

ctx = contextvars.ContextVar('test_context')

def nested_context():
    print(f"Inside nested_context, before set: {ctx.get()}")
    ctx.set(uuid4())
    print(f"Inside nested_context, after set: {ctx.get()}")
    
def nested_context2():
    print(f"nested_context2 value: {ctx.get()}")

def test_context():
    initial_value = uuid4()
    ctx.set(initial_value)
    print(f"Initial context value: {initial_value}")
    
    copy_ctx = contextvars.copy_context()
    
    print(f"Value in copied context: {copy_ctx[ctx]}")
    
    copy_ctx.run(nested_context)
    
    print(f"Context value after copy.run(): {ctx.get()}")
    
    nested_context2()

test_context()
