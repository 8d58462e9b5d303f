# unittest as CPython's text runner reports it: passes, failures with their messages (assertEqual's
# diffs of strings, lists, dicts, sets, tuples; assertRaises, assertAlmostEqual, assertCountEqual,
# assertIn, assertLogs), errors, skips, expected failures, subTest, fixtures and cleanups, and an
# IsolatedAsyncioTestCase whose asyncSetUp sets a ContextVar the test then sees (one context per
# test). The run's time is replaced, as it is real time in CPython.
import asyncio
import io
import logging
import re
import unittest
from contextvars import ContextVar

request_id = ContextVar("request_id", default=None)
events = []


class Handlers(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        events.append("setUpClass")

    @classmethod
    def tearDownClass(cls):
        events.append("tearDownClass")

    def setUp(self):
        self.addCleanup(events.append, "cleanup " + self._testMethodName)

    def test_equal_ok(self):
        self.assertEqual({"a": [1, 2]}, {"a": [1, 2]})
        self.assertNotEqual(1, 2)
        self.assertTrue([0])
        self.assertIsNone(request_id.get())
        self.assertIn("rid", "a rid")
        self.assertIsInstance(1, int)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        self.assertRegex("request 42", r"\d+")
        with self.assertRaises(KeyError) as cm:
            {}["x"]
        self.assertEqual(cm.exception.args, ("x",))
        self.assertRaisesRegex(ValueError, "invalid literal", int, "x")

    def test_str_diff(self):
        self.assertEqual("request id: abc\nuser: ann\n", "request id: abd\nuser: ann\n")

    def test_short_str(self):
        self.assertEqual("spam", "eggs", "custom message")

    def test_list_diff(self):
        self.assertEqual([1, 2, 3, 4], [1, 2, 5, 4, 6])

    def test_dict_diff(self):
        self.assertEqual({"rid": "a1", "user": "ann", "n": 1}, {"rid": "a2", "user": "ann"})

    def test_set_diff(self):
        self.assertEqual({1, 2}, {2, 3})

    def test_tuple_long(self):
        self.assertEqual(tuple(range(40)), tuple(range(1, 41)))

    def test_raises_not(self):
        with self.assertRaises(ValueError):
            pass

    def test_raises_regex(self):
        with self.assertRaisesRegex(ValueError, "^nope$"):
            raise ValueError("something else")

    def test_almost(self):
        self.assertAlmostEqual(1.0, 1.1, places=3)

    def test_count(self):
        self.assertCountEqual("aab", "abb")

    def test_error(self):
        raise RuntimeError("boom in the handler")

    def test_logs(self):
        log = logging.getLogger("svc")
        with self.assertLogs("svc", level="INFO") as cm:
            log.info("hello %s", "world")
            log.debug("hidden")
        self.assertEqual(cm.output, ["INFO:svc:hello world"])

    def test_subtests(self):
        for rid in ["a", "b", "c"]:
            with self.subTest(rid=rid):
                self.assertNotEqual(rid, "b")

    @unittest.skip("not today")
    def test_skipped(self):
        pass

    @unittest.expectedFailure
    def test_expected(self):
        self.assertEqual(1, 0)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass


class AsyncHandlers(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        request_id.set("req-1")

    async def test_context_from_setup(self):
        self.assertEqual(request_id.get(), "req-1")

        async def child():
            return request_id.get()

        self.assertEqual(await asyncio.create_task(child()), "req-1")

    def test_sync_in_context(self):
        self.assertEqual(request_id.get(), "req-1")


def run(cls, verbosity):
    stream = io.StringIO()
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(cls)
    result = unittest.TextTestRunner(stream=stream, verbosity=verbosity).run(suite)
    text = re.sub(r"Ran (\d+) tests? in \d+\.\d+s", r"Ran \1 tests in T", stream.getvalue())
    text = re.sub(r'File ".*?([^/"]+\.py)"', r'File "\1"', text)
    print(text)
    print(result, result.wasSuccessful(), len(result.failures), len(result.errors),
          len(result.skipped), len(result.expectedFailures), len(result.unexpectedSuccesses))


run(Handlers, 1)
print(events)
run(AsyncHandlers, 2)
print(request_id.get())

s = unittest.TestSuite()
s.addTest(Handlers("test_equal_ok"))
print(s.countTestCases(), Handlers("test_error"), repr(Handlers("test_error")), Handlers("test_error").id())
print(unittest.TestLoader().getTestCaseNames(AsyncHandlers))

# A chained exception as traceback prints it (the context first, then the link, then the new one).
import sys
import traceback


def handler():
    try:
        {}["rid"]
    except KeyError:
        raise ValueError("no request id")


try:
    handler()
except ValueError:
    print(re.sub(r'File ".*?([^/"]+\.py)"', r'File "\1"', traceback.format_exc()), end="")
