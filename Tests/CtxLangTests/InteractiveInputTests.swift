import Testing
@testable import CtxLang

/// `classifyInteractiveInput` against what CPython's `codeop.compile_command` and basic REPL do
/// with the same buffer (lines joined with "\n"; a closing empty line shows as a trailing "\n").
struct InteractiveInputTests {
    enum Expected { case complete, incomplete, invalid }

    static let cases: [(String, Expected)] = [
        ("x = 1", .complete),
        ("", .complete),
        ("   ", .complete),
        ("# just a comment", .complete),
        ("if x:", .incomplete),
        ("if x:\n", .incomplete),
        ("if x:\n    pass", .incomplete),
        ("if x:\n    pass\n", .complete),
        ("if x:\n    pass\n\n", .complete),
        ("if x: pass", .incomplete),
        ("if x: pass\n", .complete),
        ("x = (1,", .incomplete),
        ("x = [\n", .incomplete),
        ("f(a,\n  b", .incomplete),
        ("x = '''a", .incomplete),
        ("s = '''\n", .incomplete),
        ("x = 1 + \\", .incomplete),
        ("@d", .incomplete),
        ("@d\n", .incomplete),
        ("def f():\n  return 1\n", .complete),
        ("def f():\n  return 1", .incomplete),
        ("for i in x:\n  if i:\n    pass\n", .complete),
        ("try:\n  pass\n", .incomplete),
        ("try:\n  pass\n\n", .incomplete),
        ("try:\n  pass\nexcept E:\n  pass\n", .complete),
        ("if x:\n  pass\nelse:", .incomplete),
        ("class A:\n  x = 1\n  def f(self):\n    pass\n", .complete),
        ("if x:\n  a\n\n  b", .incomplete),
        ("x = 1 +", .invalid),
        ("x = 'abc", .invalid),
        ("x = (1 2", .invalid),
        ("f(a b", .invalid),
        ("1 = x", .invalid),
        ("  x = 1", .invalid),
        ("x = 1)", .invalid),
        ("await asyncio.sleep(1)", .complete),
        ("x = 1\ny = 2", .invalid),  // codeop: multiple statements found while compiling a single statement
    ]

    @Test("codeop-like classification", arguments: cases)
    func classify(_ source: String, _ expected: Expected) {
        switch (classifyInteractiveInput(source), expected) {
        case (.complete, .complete), (.incomplete, .incomplete), (.invalid, .invalid):
            break
        case (let got, _):
            Issue.record("\(source.debugDescription): expected \(expected), got \(got)")
        }
    }

    @Test func emptyInputIsAnEmptyModule() {
        #expect(classifyInteractiveInput("\n# c\n") == .complete(Module(body: [])))
    }

    @Test func invalidCarriesCPythonMessage() {
        guard case .invalid(let e) = classifyInteractiveInput("x = 1 +") else {
            Issue.record("expected invalid")
            return
        }
        #expect(e.message == "invalid syntax")
        #expect(e.pos == SourcePos(line: 1, column: 8))
    }

    @Test func completeReturnsTheStatements() {
        guard case .complete(let m) = classifyInteractiveInput("for i in x:\n    print(i)\n") else {
            Issue.record("expected complete")
            return
        }
        #expect(m.body.count == 1)
    }
}
