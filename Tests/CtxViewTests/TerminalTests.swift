import Testing

@testable import CtxView

@Suite struct ColorPolicyTests {
    typealias Case = (flag: ColorFlag, env: [String: String], tty: Bool, expected: Bool)

    @Test(
        arguments: [
            // The flag wins over everything.
            (.always, ["NO_COLOR": "1", "TERM": "dumb"], false, true),
            (.never, ["FORCE_COLOR": "1"], true, false),
            // NO_COLOR before FORCE_COLOR; an empty one is ignored.
            (.auto, ["NO_COLOR": "1", "FORCE_COLOR": "1"], true, false),
            (.auto, ["NO_COLOR": ""], true, true),
            // FORCE_COLOR before TERM=dumb.
            (.auto, ["FORCE_COLOR": "1", "TERM": "dumb"], false, true),
            (.auto, ["FORCE_COLOR": ""], false, false),
            (.auto, ["TERM": "dumb"], true, false),
            (.auto, ["TERM": "xterm-256color"], true, true),
            (.auto, [:], false, false),
            (.auto, [:], true, true),
        ] as [Case])
    func decides(_ c: Case) {
        #expect(ColorPolicy.decide(flag: c.flag, environment: c.env, isTTY: c.tty) == c.expected)
    }
}

@Suite struct TerminalWidthTests {
    @Test(
        arguments: [
            (["COLUMNS": "120"], 100, 120), (["COLUMNS": " 60 "], 100, 60),
            (["COLUMNS": "0"], 100, 100),
            (["COLUMNS": "-5"], nil, 80), (["COLUMNS": "wide"], 90, 90), ([:], 100, 100),
            ([:], nil, 80),
            ([:], 0, 80),
        ] as [([String: String], Int?, Int)])
    func resolves(env: [String: String], terminal: Int?, expected: Int) {
        #expect(TerminalWidth.resolve(environment: env, terminalColumns: terminal) == expected)
    }
}
