/// Values at the edges of Python's types, as source text: the arguments of edge-value calls and
/// what mutations splice into programs. Each is one expression; `_W()`, `_deep` and the other
/// underscore names come from a `Prelude` snippet that a case includes when it uses them.
enum EdgeValues {
    static let ints: [String] = [
        "0", "-1", "1", "2", "3", "7", "-7", "255", "256", "0x10FFFF", "0x110000", "0xD800", "2**31", "-2**31",
        "2**31-1", "2**32", "2**63", "-2**63", "2**63-1", "-2**63-1", "2**64", "-2**64", "2**64-1", "10**18",
        "-10**18", "10**19", "10**100", "-10**100", "2**62", "2**53+1", "2**1000", "9223372036854775807",
        "-9223372036854775808", "1 << 200", "True", "False", "10**4301", "-(10**4299)", "2**4096",
    ]

    static let floats: [String] = [
        "0.0", "-0.0", "0.5", "-1.5", "2.5", "1e308", "-1e308", "1e309", "5e-324", "float('inf')",
        "float('-inf')", "float('nan')", "-float('nan')", "1e18", "9.3e18", "2.0**63", "-2.0**63",
        "9.223372036854776e18", "1e-300", "1e16", "3.0", "1e100", "0.1",
    ]

    static let strings: [String] = [
        "''", "'a'", "'abc'", "'a'*1000", "'a'*10**6", "'\\x00'", "'\\U0010ffff'", "'\\ud800'", "'é'",
        "'e\\u0301'", "'🐍'", "'\\t\\n\\r'", "' '", "'%s'", "'%(x)s'", "'%'", "'{}'", "'{0}'", "'{x}'", "'{'",
        "'}'", "'{:>{}}'", "'{!r}'", "'10'", "'-5'", "' 42 '", "'0x1f'", "'0b101'", "'0o17'", "'1_000'",
        "'1e5'", "'inf'", "'nan'", "'-0'", "'١٢٣'", "'9'*5000", "'\\N{SNAKE}'", "'a\\x00b'", "str(2**63)",
        "'ß'", "'İ'", "'ﬁ'", "'\\u2028'", "'a b  c'", "'\\n'*1000", "'{0:{1}}'", "'%*d'", "'0'*4301",
        "'x'*(2**31)", "'\\x1b[2J'",
    ]

    static let bytes: [String] = [
        "b''", "b'a'", "b'\\xff'*8", "bytes(10)", "b'abc'*1000", "b'\\x00'", "b'%s'", "b'{}'",
    ]

    static let constants: [String] = ["None", "...", "NotImplemented", "True", "False"]

    static let containers: [String] = [
        "[]", "[1, 2, 3]", "[None]", "[[], [[]]]", "[3, 'a', None]", "list(range(1000))", "()", "(1,)",
        "(1, 'a', None)", "{}", "{'a': 1}", "{1: 2, 'b': [3]}", "set()", "{1, 2, 3}", "frozenset({1})",
        "{'x'}", "range(0)", "range(10)", "range(-2**63, 2**63-1)", "range(0, 10**100, 3)",
        "range(2**63-1, -2**63, -1)", "range(10**18)", "range(-5, 5, 2)", "iter([1, 2])", "reversed([1, 2])",
        "zip([1], [2])", "enumerate('ab')", "map(abs, [-1])", "filter(None, [0, 1])", "(x for x in range(3))",
        "[0]*10**5", "{i: i for i in range(1000)}", "slice(None, 2**63, -1)", "[float('nan')]",
        "[1, 'a']", "[[1, 2], [3]]", "{(): ()}",
    ]

    static let callables: [String] = [
        "len", "abs", "print", "int", "str", "type", "object", "lambda: 0", "lambda *a, **k: None",
        "lambda x: x", "lambda x: 1/0", "lambda x: x.y", "sorted", "max", "iter", "repr", "hash", "id",
        "lambda *a: a", "lambda x, y: y", "bool", "list", "dict", "tuple", "lambda x: -x", "ValueError",
    ]

    static let exceptions: [String] = [
        "ValueError('x')", "Exception()", "KeyboardInterrupt()", "StopIteration(5)",
        "BaseExceptionGroup('g', [ValueError(1)])", "ExceptionGroup('g', [TypeError(), ValueError()])",
        "RecursionError()", "GeneratorExit()", "StopAsyncIteration()", "ValueError", "Exception",
    ]

    /// Values defined by a prelude snippet.
    static let prepared: [(String, Prelude.Snippet)] = [
        ("_W()", .weird), ("_H()", .huge), ("_R()", .raiser), ("_S()", .selfish), ("_W", .weird), ("_H", .huge),
        ("_self", .selfReferential), ("_selfd", .selfReferential), ("_deep", .deep), ("_gen()", .generator),
        ("_cv", .contextVar), ("_ctx", .context), ("_ctx.run", .context), ("_cv.set", .contextVar),
        ("_coro()", .coroutine), ("_tok", .contextVar), ("_deepd", .deep), ("_E()", .exceptionClass),
    ]

    /// Names of keyword arguments worth passing anywhere.
    static let keywords: [String] = [
        "key", "default", "reverse", "sep", "end", "file", "flush", "start", "base", "context", "name",
        "loop", "timeout", "return_exceptions", "maxsize", "value", "daemon", "target", "args", "kwargs",
        "strict", "fillchar", "maxsplit", "keepends", "encoding", "errors", "ndigits", "step", "stop", "msg",
        "when", "delay", "limit", "initial", "x", "fget", "eager_start", "shield", "result", "exc",
        "maxlen", "sentinel", "n", "count",
    ]

    static let formatSpecs: [String] = [
        "", ">10", "<-5", "^2147483648", "9223372036854775807", ".9223372036854775807", "9223372036854775808",
        ".2147483648", "10000000000", "0=20", ",", "_", "#x", "#o", "#b", "+", " ", "e", "E", ".1000f", ".0f",
        ".100e", "g", "G", "%", ".500%", "c", "n", "s", "r", "x", "d", "=^9", "\\0>5", "💥^11",
        "*<2147483647", ",.2f", "_d", ",_", "z", "z.2f", "#", "0", "010", "-", "--", ".", ".-1", "1.1.1", "}",
        "{", "10s", "<", ">1000000", ".1000000f", "0>18446744073709551616", ",d", "_x", "#_b", "X", "%.3",
        "02147483648", "-^9223372036854775806",
    ]

    static let percentFormats: [String] = [
        "%5", "%", "%%", "%s", "%d", "%i", "%x", "%X", "%o", "%c", "%r", "%a", "%f", "%e", "%g", "%(x)s", "%(x)",
        "%*d", "%.*f", "%-*s", "%9223372036854775807d", "%.9223372036854775807f", "%2147483648s",
        "%.2147483648f", "%-9223372036854775808d", "%#x", "%+d", "% d", "%05d", "%.0s", "%z", "%ld", "%(",
        "%(x", "%%%", "%s%s", "%.100f", "%.1000e", "%10.5s", "%(x)*d", "%c%c", "%-20c", "%#o", "%.3g",
        "%99999999999999999999d", "%*.*f", "%(a)s%(b)s",
    ]

    /// Sizes for loops, nesting and repetition.
    static let sizes: [String] = [
        "0", "1", "1000", "10**5", "10**6", "10**7", "2**31", "2**62", "2**63", "10**18", "10**100", "-1",
        "6 * 10**6",
    ]

    /// Sizes for what the REPL draws in its tree after every input (tasks, contexts).
    static let smallSizes: [String] = ["0", "1", "5", "41", "100", "1000", "10**4"]

    /// Any edge value: the draw for an argument.
    static func any(_ r: inout FuzzRandom, _ prelude: inout Prelude) -> String {
        switch r.below(20) {
        case 0..<5: return r.pick(ints)
        case 5..<7: return r.pick(floats)
        case 7..<10: return r.pick(strings)
        case 10: return r.pick(bytes)
        case 11: return r.pick(constants)
        case 12..<15: return r.pick(containers)
        case 15: return r.pick(callables)
        case 16: return r.pick(exceptions)
        case 17, 18:
            let (expr, snippet) = r.pick(prepared)
            prelude.use(snippet)
            return expr
        default: return composite(&r, &prelude)
        }
    }

    /// A container or call built around other edge values.
    static func composite(_ r: inout FuzzRandom, _ prelude: inout Prelude) -> String {
        let a = any(&r, &prelude), b = r.pick(ints)
        switch r.below(8) {
        case 0: return "[\(a)]"
        case 1: return "(\(a),)"
        case 2: return "{\(r.pick(strings)): \(a)}"
        case 3: return "[\(a)] * \(r.pick(sizes))"
        case 4: return "(\(a), \(b))"
        case 5: return "{'x': \(a)}"
        case 6: return "-(\(a))"
        default: return "[\(a), \(any(&r, &prelude))]"
        }
    }

    /// The value of a numeric argument (widths, counts, indices), where the edges matter most.
    static func number(_ r: inout FuzzRandom) -> String {
        r.chance(0.8) ? r.pick(ints) : r.pick(floats)
    }
}
