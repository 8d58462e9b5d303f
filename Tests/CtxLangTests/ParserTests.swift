import Testing
@testable import CtxLang
import CtxCore

/// Hand-written parser tests: details the CPython-generated tables cannot express (f-string
/// self-documenting fields, positions), robustness on deep nesting, and fuzzing.
struct ParserTests {
    func expr(_ source: String) throws -> Expr {
        let m = try PythonParser.parseModule(source)
        guard case .expr(let e)? = m.body.first?.kind else {
            Issue.record("not an expression statement: \(source)")
            return Expr(.constant(.none), SourcePos(line: 0, column: 0))
        }
        return e
    }

    @Test func selfDocumentingFieldImpliesRepr() throws {
        let e = try expr("f'{x = }'")
        guard case .joinedStr(let parts) = e.kind, case .field(let inner, let conv, let spec, let doc)? = parts.first else {
            Issue.record("not an f-string field")
            return
        }
        #expect(inner.kind == .name("x"))
        #expect(conv == "r")
        #expect(spec.isEmpty)
        #expect(doc == "x = ")
    }

    @Test func selfDocumentingWithSpecKeepsFormat() throws {
        let e = try expr("f'{x=:>5}'")
        guard case .joinedStr(let parts) = e.kind, case .field(_, let conv, let spec, let doc)? = parts.first else {
            Issue.record("not an f-string field")
            return
        }
        #expect(conv == nil)
        #expect(spec == [.literal(">5")])
        #expect(doc == "x=")
    }

    @Test func fieldExpressionPositionsAreInTheFile() throws {
        let e = try expr("x\nf'ab{cd + 1}'")
        _ = e
        let m = try PythonParser.parseModule("x\nf'ab{cd + 1}'")
        guard case .expr(let f) = m.body[1].kind, case .joinedStr(let parts) = f.kind,
              case .field(let inner, _, _, _) = parts[1] else {
            Issue.record("unexpected shape")
            return
        }
        #expect(inner.pos == SourcePos(line: 2, column: 6))
    }

    @Test func expressionPositions() throws {
        let m = try PythonParser.parseModule("if x:\n    y = a.b + f(c)[d]\n")
        guard case .ifStmt(_, let body, _) = m.body[0].kind, case .assign(let targets, let value) = body[0].kind else {
            Issue.record("unexpected shape")
            return
        }
        #expect(body[0].pos == SourcePos(line: 2, column: 5))
        #expect(targets[0].pos == SourcePos(line: 2, column: 5))
        #expect(value.pos == SourcePos(line: 2, column: 9))
        guard case .binary(_, .add, let right) = value.kind else { return }
        #expect(right.pos == SourcePos(line: 2, column: 15))
    }

    @Test func bigIntegersKeepTheirDigits() throws {
        #expect(try expr("123456789012345678901234567890").kind == .constant(.bigInt("123456789012345678901234567890")))
        #expect(try expr("0x1_0000_0000_0000_0000").kind == .constant(.bigInt("18446744073709551616")))
        #expect(try expr("9223372036854775807").kind == .constant(.int(Int.max)))
    }

    @Test func stringEscapesAndBytes() throws {
        #expect(try expr(#"'\x41\u00e9\101\n'"#).kind == .constant(.str("Aé" + "A\n")))
        #expect(try expr(#"b'\x00a\377' b'z'"#).kind == .constant(.bytes([0, 97, 255, 122])))
        #expect(try expr(#"r'\n' '\t'"#).kind == .constant(.str("\\n\t")))
    }

    /// 200 nested brackets are accepted (CPython's limit); deeper nesting is a SyntaxError.
    @Test func deepNesting() throws {
        _ = try PythonParser.parseModule("x = " + String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200))
        for source in [
            "x = " + String(repeating: "(", count: 201) + "1" + String(repeating: ")", count: 201),
            "x = " + String(repeating: "[", count: 5000),
            "x = " + String(repeating: "lambda: ", count: 1000) + "1",
            "x = " + String(repeating: "a if b else ", count: 1000) + "c",
            "x = " + String(repeating: "2 ** ", count: 1000) + "2",
            "x = " + String(repeating: "f'{", count: 300) + String(repeating: "}'", count: 300),
        ] {
            #expect(throws: SyntaxError.self) { try PythonParser.parseModule(source) }
        }
        _ = try PythonParser.parseModule("x = " + String(repeating: "not ", count: 1000) + "y")
        _ = try PythonParser.parseModule("x = " + String(repeating: "-", count: 1000) + "y")
    }

    @Test func tooManyIndentationLevels() {
        var source = ""
        for level in 0..<120 { source += String(repeating: " ", count: level) + "if x:\n" }
        source += String(repeating: " ", count: 120) + "pass\n"
        #expect(throws: SyntaxError.self) { try PythonParser.parseModule(source) }
    }

    /// Every prefix of many programs, and random mutations of them, must parse or throw —
    /// never trap.
    @Test func fuzzPrefixesAndMutations() {
        let programs = ParserStructureTests.cases.map(\.0) + ParserErrorTests.cpythonErrors.map(\.0) + [Self.sample]
        var rng = SplitMix64(seed: 2024)
        let alphabet = Array("()[]{}:;,.=+-*/'\"\\\n #@!fbr0x1e_jaif else lambda await yield \t")
        for program in programs {
            let scalars = Array(program.unicodeScalars)
            for cut in 0...scalars.count {
                var s = String.UnicodeScalarView()
                s.append(contentsOf: scalars[0..<cut])
                _ = try? PythonParser.parseModule(String(s))
                _ = classifyInteractiveInput(String(s))
            }
            for _ in 0..<20 {
                var chars = Array(program)
                let k = Int(rng.next() % UInt64(chars.count + 1))
                if rng.next() % 2 == 0 && k < chars.count {
                    chars.remove(at: k)
                } else {
                    chars.insert(alphabet[Int(rng.next() % UInt64(alphabet.count))], at: k)
                }
                _ = try? PythonParser.parseModule(String(chars))
            }
        }
    }

    static let sample = """
        import contextvars, asyncio
        from contextvars import ContextVar as CV

        request_id: CV[str] = CV('request_id', default='-')

        @decorator(arg=1)
        async def handler(n, /, *args, timeout=1.0, **kw) -> None:
            token = request_id.set(f'req-{n:03d}')
            try:
                async with asyncio.timeout(timeout) as t, lock:
                    await asyncio.sleep(0)
                    print(f"{request_id.get()!r:>{10}} {n=}", [x ** 2 for x in range(n) if x % 2])
            except* (ValueError, TypeError) as eg:
                raise RuntimeError('bad') from eg
            finally:
                request_id.reset(token)

        class Worker(Base, metaclass=Meta):
            count = 0
            def run(self, *, items=()):
                for i, (a, b) in enumerate(items):
                    if (n := len(a)) > 10 and not b: continue
                    elif a is not None or b in {1, 2}: break
                else:
                    return {k: v for k, v in zip(a, b)}, lambda x=1: x
                while True:
                    del self.count; global g; x = y = z = 0; x += 1 << 2 | 3
        """
}

