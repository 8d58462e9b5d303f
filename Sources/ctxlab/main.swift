print("ctxlab")
