# A module-level return is a SyntaxError the parser finds: CPython underlines the whole statement.
import asyncio
print("never printed")
return asyncio.sleep(0)
