import Testing

@testable import LineEditor

@Suite struct CommonPrefixTests {
    @Test(
        arguments: [
            ([], ""),
            (["print("], "print("),
            (["print(", "property("], "pr"),
            (["abc", "abd", "ab"], "ab"),
            (["x", "y"], ""),
            (["éa", "éb"], "é"),
            (["ctx.run(", "ctx.copy()"], "ctx."),
        ] as [([String], String)])
    func commonPrefix(_ strings: [String], _ expected: String) {
        #expect(CompletionPlanner.commonPrefix(strings) == expected)
    }
}

@Suite struct CompletionPlannerTests {
    let delimiters = CompletionPlanner.pythonDelimiters

    @Test(arguments: [
        ("", ""),
        ("pri", "pri"),
        ("x = ctx.ru", "ctx.ru"),
        ("print(var_n", "var_n"),
        ("f(a, ", ""),
    ])
    func currentWord(_ line: String, _ word: String) {
        #expect(CompletionPlanner.currentWord(in: line, delimiters: delimiters) == word)
    }

    @Test func blankLineIndents() {
        #expect(plan("", []) == .insert("    "))
        #expect(plan("    ", ["anything"]) == .insert("    "))
    }

    @Test func uniqueCandidateCompletesTheWord() {
        #expect(plan("x = pri", ["print("]) == .insert("nt("))
    }

    @Test func ambiguousCandidatesInsertTheCommonPrefixFirst() {
        #expect(plan("ctx.c", ["ctx.copy()", "ctx.context"]) == .insert("o"))
    }

    @Test func ambiguousCandidatesWithNothingToAddAreListedSorted() {
        #expect(
            plan("ctx.co", ["ctx.copy()", "ctx.context", "ctx.copy()"])
                == .list(["ctx.context", "ctx.copy()"]))
    }

    @Test func candidateNotStartingWithTheWordReplacesIt() {
        #expect(plan("x = Prі", ["print("]) == .replaceWord(scalarCount: 3, text: "print("))
    }

    @Test func wordExtendsOverDelimitersTheCandidatesShare() {
        #expect(plan(":he", [":help"]) == .insert("lp"))
        #expect(plan("x = {'k':va", ["value"]) == .insert("lue"))
        #expect(plan(":", [":help", ":history"]) == .insert("h"))
    }

    @Test(arguments: [
        ("print(p", "p", "p"),
        (":he", ":help", ":he"),
        ("a.b.c", "a.b.cd", "a.b.c"),
        ("x = Pri", "print(", "Pri"),
        ("f(aa", "aab", "aa"),
    ])
    func replacedWord(_ line: String, _ shared: String, _ expected: String) {
        let word = CompletionPlanner.replacedWord(
            in: line, sharedPrefix: shared, delimiters: delimiters)
        #expect(word == expected)
    }

    @Test func nothingToDoBeeps() {
        #expect(plan("zzz", []) == .beep)
        #expect(plan("print", ["print"]) == .beep)
    }

    private func plan(_ line: String, _ candidates: [String]) -> CompletionAction {
        CompletionPlanner.plan(lineUpToCursor: line, candidates: candidates)
    }
}
