import Foundation
import Testing
import BigInt
import CtxCore
@testable import CtxLang

/// Native work on big inputs (string search, reprs of big containers, joins) is linear, sized
/// before it allocates, and answers Ctrl-C (issue 12: bad input never kills a session).
@Suite struct NativeLoopTests {
    /// Runs `source` as `ctxlab run` does; `interruptAfterPolls` makes the interrupt flag go up
    /// at that poll. Returns stdout, the last stderr line and the time taken.
    func run(_ source: String, interruptAfterPolls: Int? = nil) -> (out: String, err: String, seconds: Double) {
        let rt = Runtime()
        var out = "", err = ""
        rt.write = { text, toErr in if toErr { err += text } else { out += text } }
        let interpreter = Interpreter(runtime: rt, seed: 1)
        if let n = interruptAfterPolls {
            var polls = 0
            interpreter.interruptRequested = {
                polls += 1
                return polls >= n
            }
        }
        let start = Date()
        _ = Program.run(source, filename: "t.py", interpreter: interpreter)
        let last = err.split(separator: "\n").last.map(String.init) ?? ""
        return (out, last, Date().timeIntervalSince(start))
    }

    /// Searches that were O(text × pattern) (`('a'*10**6).find('a'*1000+'b')` took hours): now
    /// linear, so each is quick even in a debug build.
    @Test(arguments: [
        "s.find(p)", "s.rfind(p)", "s.count(p)", "p in s", "s.replace(p, 'x') == s",
        "len(s.split(p))", "len(s.rsplit(p))", "s.partition(p)[1]", "s.rpartition(p)[1]",
        "s.count('')", "s.find('b' * 10**5)",
    ])
    func searchesInHugeStringsAreLinear(expression: String) {
        let r = run("s = 'a' * 10**6\np = 'a' * 1000 + 'b'\nprint(\(expression))\n")
        #expect(r.err == "")
        #expect(r.seconds < 20)
    }

    /// `StrSearch` against the obvious quadratic search over code points (what Python's str is a
    /// sequence of), on random texts from small alphabets (so that matches overlap), with
    /// multi-byte and multi-scalar Characters (`é`, `e` + combining acute, CRLF): a match may
    /// start inside a grapheme cluster (`'\u0301'` in `'e\u0301'`), and `é` never matches
    /// `e` + U+0301 (Swift's `==` would take them for each other).
    @Test func searchAgreesWithANaiveModel() throws {
        var random = SplitMix64(seed: 12)
        let alphabet = ["a", "b", "é", "e\u{301}", "\r\n", "\r", "\n", "e"]
        func word(_ n: Int) -> String {
            String((0..<n).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined())
        }
        for _ in 0..<2_000 {
            let text = word(Int(random.next() % 12)), pattern = word(1 + Int(random.next() % 3))
            guard !pattern.isEmpty else { continue }
            let t = Array(text.unicodeScalars), p = Array(pattern.unicodeScalars)
            var starts: [Int] = []  // naive, overlapping
            if p.count <= t.count {
                for i in 0...(t.count - p.count)
                where t[i..<(i + p.count)].elementsEqual(p) {
                    starts.append(i)
                }
            }
            var nonOverlapping: [Int] = []
            for i in starts where nonOverlapping.last.map({ i >= $0 + p.count }) ?? true { nonOverlapping.append(i) }
            let search = StrSearch(text, pattern) {}
            let all = text.startIndex..<text.endIndex
            func offset(_ r: Range<String.Index>?) -> Int? { r.map { text.unicodeScalars.distance(from: text.startIndex, to: $0.lowerBound) } }
            #expect(offset(try search.first(in: all)) == starts.first, "\(text.debugDescription) \(pattern.debugDescription)")
            #expect(offset(try search.first(in: all, backward: true)) == starts.last, "\(text.debugDescription) \(pattern.debugDescription)")
            #expect(try search.count(in: all) == nonOverlapping.count, "\(text.debugDescription) \(pattern.debugDescription)")
        }
    }

    /// A long search polls the interrupt flag as it scans: Ctrl-C ends it.
    @Test(arguments: ["s.count('ab')", "s.find('ab')", "s.split('ab')", "s.replace('ab', 'c')", "'ab' in s"])
    func aLongSearchAnswersCtrlC(expression: String) {
        let r = run("s = 'a' * 10**7\nprint(\(expression))\n", interruptAfterPolls: 1)
        #expect(r.err == "KeyboardInterrupt")
    }

    /// The repr of a big list used to build every part and then join them, without polling:
    /// `'%s' % ([x] * 10**7,)` ran for a minute without answering Ctrl-C and took gigabytes. It now polls per item.
    /// The virtual clock can run far ahead (`sleep(10**19)` returns at once): time_ns() is then
    /// a big int, and a timestamp past time_t is CPython's OverflowError, never a trap (found by
    /// the crash fuzzer through logging's LogRecord).
    @Test func timeFunctionsFarInTheFuture() {
        let r = run("""
            import time, asyncio
            async def m():
                await asyncio.sleep(10**19)
                print(time.time_ns() > 10**28, type(time.time_ns()).__name__)
                for f in (lambda: time.strftime('%Y'), lambda: time.localtime(), lambda: time.gmtime(1e300)):
                    try:
                        f()
                    except OverflowError as e:
                        print(e)
            asyncio.run(m())
            """)
        #expect(r.out == "True int\n" + String(repeating: "timestamp out of range for platform time_t\n", count: 3))
    }

    /// A regular expression that backtracks exponentially (`(a+)+b`: 2**60 ways to fail) answers
    /// Ctrl-C; a pattern nested 5,000 deep is a RecursionError, not a crashed stack; long runs
    /// and scans (`.*`, findall over 200,000 matches) keep their choice points on the heap.
    @Test func regularExpressionsAnswerCtrlCAndNeverOverflowTheStack() {
        let r = run("import re\nprint(re.match('(a+)+b', 'a' * 60))\n", interruptAfterPolls: 3)
        #expect(r.err == "KeyboardInterrupt")
        #expect(r.seconds < 20)
        #expect(run("import re\nre.compile('(' * 5000)\n").err == "RecursionError: maximum recursion depth exceeded")
        let long = run("""
            import re
            s = 'ab' * 100000
            print(re.match('(?:a|b)*', s).end(), re.match('.*', s).end(), len(re.findall('.', s)), re.fullmatch('(ab)*', s).span(1))
            """)
        #expect(long.out == "200000 200000 200000 (199998, 200000)\n")
        // Widths of nested huge repeats saturate (they overflowed 64 bits).
        let wide = run("""
            import re
            print(re.search('(?=(?:(?:a{4000000000}){4000000000}){4000000000})|b', 'b').span())
            re.compile('(?<=(?:(?:a{4000000000}){4000000000}){4000000000})')
            """)
        #expect(wide.out == "(0, 1)\n")
        #expect(wide.err == "re.PatternError: looks too much behind")
    }

    @Test func mathsBigIntegerFunctionsAnswerCtrlCAndRefuseResultsPastTheIntLimit() {
        for program in ["import math\nmath.comb(10**9, 10**5)\n", "import math, itertools\nmath.fsum(itertools.repeat(0.5))\n",
                        "import math, itertools\nmath.prod(itertools.repeat(1))\n", "import math\nmath.comb(10**6, 5 * 10**5)\n"] {
            let r = run(program, interruptAfterPolls: 3)
            #expect(r.err == "KeyboardInterrupt", "\(program)")
            #expect(r.seconds < 20)
        }
        let limit = "the result would exceed 16777216 bits, which ctxlab does not support"
        #expect(run("import math\nmath.factorial(10**7)\n").err == "OverflowError: factorial: \(limit)")
        #expect(run("import math\nmath.comb(10**18, 10**6)\n").err == "OverflowError: comb: \(limit)")
        #expect(run("import math\nmath.perm(10**20, 10**7)\n").err == "OverflowError: perm: \(limit)")
        #expect(run("import math\nmath.factorial(2**70)\n").err == "OverflowError: factorial() argument should not exceed 9223372036854775807")
        #expect(run("import math\nprint(math.comb(2000, 1000) == math.factorial(2000) // math.factorial(1000) ** 2)\n").out == "True\n")
    }

    @Test func theReprOfABigListAnswersCtrlC() {
        let r = run("x = [[-2**63]] * 10**6\nprint(len(repr(x)))\n", interruptAfterPolls: 2)
        #expect(r.err == "KeyboardInterrupt")
        #expect(run("print(repr([1, (2,), {3: 'a'}, {4}]))").out == "[1, (2,), {3: 'a'}, {4}]\n")
    }

    /// `10 ** 10**6` squares its way to 3.3 million bits (minutes in a debug build): it polls
    /// between the multiplications.
    @Test func aHugePowerAnswersCtrlC() {
        let r = run("x = 10 ** (10**6)\nprint(x.bit_length())\n", interruptAfterPolls: 1)
        #expect(r.err == "KeyboardInterrupt")
        #expect(r.seconds < 20)
        #expect(run("print(3 ** 1000 % 1000003, (-7) ** 77 % 10**9)").out == "73216 712960793\n")
    }

    /// `int()` of thousands of digits (the limit lifted by `sys.set_int_max_str_digits(0)`)
    /// combines word-sized blocks pairwise and asks to stop between the multiplications: BigInt's
    /// own conversion of a million digits ran for minutes without a poll. Unit-tested here, since
    /// the limit is process-wide and other suites run in parallel.
    @Test func longIntParsingAgreesWithBigIntAndStops() throws {
        for n in [2_001, 2_019, 2_020, 4_000, 19 * 128, 19 * 128 + 1] {
            let digits = String((0..<n).map { Character(String(($0 * 7919 + 13) % 10)) })
            #expect(try IntText.parseInBlocks(digits, radix: 10, stop: { false }) == BigUInt(digits, radix: 10))
            let y = String(repeating: "y", count: n)  // BigUInt's parser refuses radix 36 (a trap)
            #expect(try IntText.parseInBlocks(y, radix: 35, stop: { false }) == BigUInt(y, radix: 35))
        }
        #expect(throws: IntText.ParseError.self) {
            try IntText.parseInBlocks(String(repeating: "9", count: 1_000_000), radix: 10, stop: { true })
        }
    }

    /// A hexadecimal literal of 200,000 digits was turned into decimal digits by the lexer, in
    /// quadratic time (six minutes in a debug build, before any poll); long ones now keep their
    /// prefix. A decimal literal past the digit limit is CPython's SyntaxError.
    @Test func hugeLiteralsCompileQuickly() {
        let hex = run("x = 0x" + String(repeating: "f", count: 200_000) + "\nprint(x % 1000003, x.bit_length())\n")
        #expect(hex.out == "\(BigUInt(2).power(800_000) % 1_000_003 - 1) 800000\n")
        #expect(hex.seconds < 20)
        #expect(run("x = 0o" + String(repeating: "7", count: 3_000) + "\nprint(x == 8**3000 - 1)\n").out == "True\n")
        let decimal = run("x = (" + String(repeating: "9", count: 4_301) + ")\n")
        #expect(decimal.err == "SyntaxError: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.")
    }

    /// Results too big for the memory limit are MemoryError (or CPython's OverflowError), not an
    /// allocation abort.
    @Test func hugeJoinsAndReplacementsAreSizedFirst() {
        let source = """
            for f in (lambda: ('x' * 10**6).join(['a'] * 10**6),
                      lambda: ('a' * 10**6).replace('', 'b' * 10**5),
                      lambda: ('a' * 10**6).replace('a', 'b' * 10**5)):
                try:
                    f()
                except MemoryError:
                    print('MemoryError')
            """
        #expect(run(source).out == "MemoryError\nMemoryError\nMemoryError\n")
    }

    /// `s * n` and `'%Ns'` padding were built one copy at a time (`'%2147483648s' % ('a', 0)`
    /// ran 140 s without a poll, fuzz seed 21 case 5593): now doubled in bounded chunks, exactly
    /// the same text, and Ctrl-C stops them between chunks.
    @Test func repeatedStringsAreRightAndAnswerCtrlC() {
        let source = """
            for s, n in [('ab', 5), ('é', 3), ('', 10**9), ('x', 0), ('😀a', 7)]:
                print(repr(s * n), len(s * n))
            print(repr('%7s|%-6s|' % ('ab', 'é')), len('%300000s' % 'z'), ('%300000s' % 'z')[-3:])
            print(len(' ' * 10**7), (' ' * 10**7).count(' '), ('ab' * 10**6)[999_999:1_000_003])
            """
        let r = run(source)
        #expect(r.err == "")
        #expect(r.out == """
            'ababababab' 10
            'ééé' 3
            '' 0
            '' 0
            '😀a😀a😀a😀a😀a😀a😀a' 14
            '     ab|é     |' 300000   z
            10000000 10000000 baba

            """)
        let stopped = run("s = 'ab' * 10**9\nprint('not reached')\n", interruptAfterPolls: 3)
        #expect(stopped.err == "KeyboardInterrupt")
        #expect(stopped.out == "")
    }

    /// The event loop polls between handles: 100,000 timers of native futures run no Python
    /// code, and `gather(*[sleep(2, i) …])` must still answer Ctrl-C (seed 21 case 7603).
    @Test func theLoopAnswersCtrlCBetweenHandles() {
        let source = """
            import asyncio
            async def main():
                r = await asyncio.gather(*[asyncio.sleep(2, i) for i in range(30_000)])
                print(len(r))
            asyncio.run(main())
            """
        #expect(run(source).out == "30000\n")
        let stopped = run(source, interruptAfterPolls: 20)
        #expect(stopped.err == "KeyboardInterrupt")
        #expect(stopped.out == "")
    }

    /// `sys.set_int_max_str_digits` belongs to one runtime, as it belongs to one interpreter in
    /// CPython: it used to be a process-wide variable that leaked into the next fuzz case, test
    /// or checked transcript.
    @Test func theIntDigitLimitIsPerRuntime() {
        let lifted = run("import sys\nsys.set_int_max_str_digits(0)\nprint(len(str(10**5000)), sys.get_int_max_str_digits())\n")
        #expect(lifted.out == "5001 0\n")
        let fresh = run("import sys\nprint(sys.get_int_max_str_digits())\nstr(10**5000)\n")
        #expect(fresh.out == "4300\n")
        #expect(fresh.err == "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
    }

    /// The decimal text of huge ints is made 19 digits at a time with polls between passes:
    /// the same digits as BigInt's own `description`, and `str(2**(2**22))` with the digit limit
    /// lifted (50 s before, with no poll) answers Ctrl-C.
    @Test func hugeIntsToDecimalAgreeAndAnswerCtrlC() throws {
        var random = SplitMix64(seed: 5)
        for words in [0, 1, 2, 3, 64, 65, 100, 257] {
            let m = BigUInt(words: (0..<words).map { _ in UInt(random.next()) })
            #expect(IntText.decimalDigits(m, poll: {}) == m.description)
            let powerOfTen = BigUInt(10).power(19 * words + 1)
            #expect(IntText.decimalDigits(powerOfTen, poll: {}) == powerOfTen.description)
        }
        let lifted = run("import sys\nsys.set_int_max_str_digits(0)\nx = -(7 ** 4000)\nprint(str(x) == '-' + str(7 ** 4000), len(str(x)))\n")
        #expect(lifted.out == "True 3382\n")
        let stopped = run("import sys\nsys.set_int_max_str_digits(0)\ns = str(2**(2**22))\nprint('not reached')\n",
                          interruptAfterPolls: 3)
        #expect(stopped.err == "KeyboardInterrupt")
    }
}
