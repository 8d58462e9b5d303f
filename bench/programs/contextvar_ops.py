# (b) 200,000 iterations of ContextVar set/get/reset, copy_context() and ctx.run.
import contextvars

var = contextvars.ContextVar("var", default=0)


def read(offset):
    return var.get() + offset


def main():
    total = 0
    for i in range(200_000):
        token = var.set(i)
        total += var.get()
        var.reset(token)
        ctx = contextvars.copy_context()
        total += ctx.run(read, 1)
    print(total, var.get())


main()
