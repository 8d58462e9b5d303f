"""unittest.mock (CPython 3.13's Lib/unittest/mock.py): Mock's call records and assertion
messages, side effects, MagicMock's magic methods, AsyncMock, specs, patch as a context
manager, decorator and with start/stop, patch.object/dict/multiple, builtins patched, a
request-id logging filter tested with a patched getter, PropertyMock, wraps, seal, TestCase."""
import re


def r(x):
    return re.sub(r" id='\d+'", "", repr(x))


from unittest import mock
from unittest.mock import Mock, MagicMock, AsyncMock, patch, call, ANY, sentinel, DEFAULT
m = Mock()
m(1, 2, a=3)
m.foo.bar(4)
print(m.call_args, m.call_args_list, m.mock_calls)
print(m.method_calls)
print(m.called, m.call_count)
m.assert_called_with(1, 2, a=3)
try:
    m.assert_called_with(5)
except AssertionError as e:
    print("AE:", e)
try:
    m.assert_called_once_with(1, 2, a=4)
except AssertionError as e:
    print("AE:", e)
m.return_value = 42
print(m())
m.side_effect = [1, 2, ValueError("boom")]
print(m(), m())
try: m()
except ValueError as e: print("raised", e)
m2 = Mock(side_effect=KeyError('k'))
try: m2()
except KeyError as e: print("KE", e)
m3 = Mock(side_effect=lambda x: x * 2)
print(m3(21))
mm = MagicMock()
print(len(mm), list(mm), bool(mm), int(mm), 3 in mm, r(mm[1]))
with mm as v:
    print(v is mm.__enter__.return_value)
mm.__len__.return_value = 5
print(len(mm))
print(mm.mock_calls)
print(call(1, 2) == call(1, 2), call(1) == call(2), call.foo(1))
print(m.foo.bar.call_args == call(4), m.foo.bar.call_args == ((4,), {}))
args, kwargs = m.call_args_list[0]
print(args, kwargs, m.call_args_list[0].args)
print(sentinel.foo, sentinel.foo is sentinel.foo)
print(r(Mock(name='x').y), r(m))
print(r(Mock(spec=['a']).a))
try: Mock(spec=['a']).b
except AttributeError as e: print(e)
try: m.assert_called_once()
except AssertionError as e: print(e)
try: m.assret_called()
except AttributeError as e: print(e)
m.reset_mock(); print(m.call_count, m.mock_calls)
print(m.foo.call_args, ANY == 3, call(ANY) == call(5))


import asyncio
import contextvars
import inspect
import logging
import sys
import unittest
from unittest import mock
from unittest.mock import (ANY, AsyncMock, MagicMock, Mock, NonCallableMock, PropertyMock, call,
                           patch, seal, sentinel, DEFAULT)

request_id = contextvars.ContextVar("request_id", default="-")


class Service:
    def fetch(self, key):
        return "real " + key

    async def load(self, key):
        await asyncio.sleep(0)
        return "loaded " + key

    @property
    def name(self):
        return "svc"


def current_request():
    return request_id.get()


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = current_request()
        return True


# patch as a context manager, on this module's function
with patch("__main__.current_request", return_value="req-42") as fake:
    print(current_request(), fake.call_count)
    rec = logging.LogRecord("x", logging.INFO, __file__, 1, "msg", None, None)
    RequestIdFilter().filter(rec)
    print(rec.request_id, fake.mock_calls)
print(current_request())


# patch as a decorator: the mock comes as an extra argument; stacked: innermost first
@patch.object(Service, "fetch", return_value="fake")
@patch("__main__.current_request")
def decorated(req, fetch):
    req.return_value = "r1"
    print(Service().fetch("k"), current_request(), fetch.call_args, req.call_count)


decorated()
print(Service().fetch("k"))

# patch.dict and patch.multiple
config = {"debug": False, "level": 1}
with patch.dict(config, {"debug": True}, extra=5):
    print(sorted(config.items()))
print(sorted(config.items()))
with patch.dict(config, clear=True):
    print(config)
with patch.multiple(Service, fetch=DEFAULT, name="patched") as values:
    print(sorted(values), Service.name, isinstance(values["fetch"], MagicMock))
print(Service().name)

# start / stop
p = patch("__main__.current_request", new=lambda: "started")
p.start()
print(current_request())
p.stop()
print(current_request(), p.stop())

# builtins
with patch("builtins.print") as fake_print:
    print("hidden", 1)
sys.stdout.write(repr(fake_print.call_args) + "\n")


# AsyncMock
async def main():
    am = AsyncMock(return_value=7)
    print(inspect.iscoroutinefunction(am), await am(1, x=2), am.await_count, am.await_args)
    am.assert_awaited_once_with(1, x=2)
    try:
        am.assert_awaited_with(2)
    except AssertionError as e:
        print("AE", e)
    am.side_effect = [1, ValueError("v")]
    print(await am())
    try:
        await am()
    except ValueError as e:
        print("ValueError", e)
    with patch.object(Service, "load") as load:
        print(type(load).__name__, r(await Service().load("k")))
        load.assert_awaited_once()
    mm = MagicMock()
    async with mm as entered:
        print(type(entered).__name__)
    print(mm.__aenter__.await_count, mm.__aexit__.call_args)
    am2 = AsyncMock()
    async def effect(v):
        return v + 1
    am2.side_effect = effect
    print(await am2(1))
    try:
        am2.assert_not_awaited()
    except AssertionError as e:
        print(e)

asyncio.run(main())

# spec
s = Mock(spec=Service)
print(isinstance(s, Service), r(s.fetch), type(s).__name__)
try:
    s.missing
except AttributeError as e:
    print(e)
ss = Mock(spec_set=["a"])
try:
    ss.b = 1
except AttributeError as e:
    print(e)
nc = NonCallableMock()
try:
    nc()
except TypeError as e:
    print(e)
print(repr(Mock(spec=Service)).split(" id=")[0], repr(MagicMock(name="db")).split(" id=")[0])

# call tracking through children
parent = Mock()
child = Mock()
parent.attach_mock(child, "child")
child(1)
parent.other.method(2)
parent().chained(3)
print(parent.mock_calls)
print(parent.method_calls)
parent.assert_has_calls([call.child(1), call.other.method(2)])
try:
    parent.assert_has_calls([call.child(9)])
except AssertionError as e:
    print(e)
parent.assert_has_calls([call.other.method(2), call.child(1)], any_order=True)
try:
    parent.child.assert_any_call(5)
except AssertionError as e:
    print(e)
print(call.foo(1).call_list(), call(1).bar(2).call_list())

# configure_mock, PropertyMock, wraps, seal
cm = Mock()
cm.configure_mock(**{"method.return_value": 3, "other.side_effect": KeyError, "attr": "x"})
print(cm.method(), cm.attr)
with patch.object(Service, "name", new_callable=PropertyMock) as prop:
    prop.return_value = "mocked"
    print(Service().name, prop.call_count)
w = Mock(wraps=Service())
print(w.fetch("z"), w.fetch.call_args)
sealed = Mock()
sealed.a.b = 1
seal(sealed)
try:
    sealed.c
except AttributeError as e:
    print("sealed", e)
print(sealed.a.b)

# MagicMock magic configuration
mm = MagicMock()
mm.__getitem__.side_effect = lambda k: k.upper()
mm.__iter__.return_value = [1, 2]
mm.__str__.return_value = "custom"
print(mm["a"], list(mm), str(mm), mm == mm, mm != mm, mm < 1 if False else "skip")
mm.__eq__.return_value = True
print(mm == 3, hash(mm) == hash(mm))
print(sorted(set(dir(Mock())) & {"assert_called", "call_args", "return_value"}))


class T(unittest.TestCase):
    @patch("__main__.current_request", return_value="t")
    def test_patched(self, req):
        self.assertEqual(current_request(), "t")
        req.assert_called_once_with()

    def test_async(self):
        m = AsyncMock()
        asyncio.run(m())
        m.assert_awaited()


import io
result = unittest.TextTestRunner(stream=io.StringIO(), verbosity=0).run(unittest.defaultTestLoader.loadTestsFromTestCase(T))
print(result.testsRun, result.wasSuccessful(), result.failures, result.errors)


# the failure messages of the await and call-list assertions
import asyncio
from unittest.mock import AsyncMock, Mock, call
async def main3():
    a = AsyncMock()
    await a(1); await a(2)
    for f in [lambda: a.assert_has_awaits([call(3)]), lambda: a.assert_has_awaits([call(3), call(1)], any_order=True),
              lambda: a.assert_any_await(5), lambda: a.assert_awaited_with(9), lambda: a.assert_has_awaits([call(1), call(2)])]:
        try:
            f(); print("ok")
        except AssertionError as e:
            print(e)
m = Mock()
m(1); m.x(2)
for f in [lambda: m.assert_has_calls([call(1), call.x(3)]), lambda: m.assert_has_calls([call.y()], any_order=True), lambda: m.assert_any_call(7)]:
    try:
        f(); print("ok")
    except AssertionError as e:
        print(e)
asyncio.run(main3())
