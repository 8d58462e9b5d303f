# `await` in a list comprehension outside an async function is an asynchronous comprehension.
import asyncio


def f(xs):
    return [await x for x in xs]
