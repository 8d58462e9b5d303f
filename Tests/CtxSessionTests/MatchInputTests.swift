import Testing
@testable import CtxSession

/// Typing and pasting `match` statements at the prompt: a `match x:` line asks for more lines
/// like any compound statement header, the block runs once an empty line follows, and a pasted
/// file keeps each match statement, with all its cases, as one input.
@Suite struct MatchInputTests {
    /// The prompt's Enter decisions, typing a match statement line by line (PyREPL's `_more_lines`).
    @Test func typedMatchBlockContinuesUntilAnEmptyLine() {
        let typed = ["match x:", "    case 1:", "        print('one')", "    case _:", "        pass"]
        for n in 1...typed.count {
            #expect(PromptInput.needsMoreLines(typed[..<n].joined(separator: "\n")), "after \(n) lines")
        }
        #expect(!PromptInput.needsMoreLines(typed.joined(separator: "\n") + "\n"))
        #expect(PromptInput.nextIndent(after: "match x:", indentUnit: nil) == "    ")
        #expect(PromptInput.nextIndent(after: "    case [a, *rest]:", indentUnit: nil) == "        ")
    }

    @Test func matchAsANameRunsAtOnce() {
        #expect(!PromptInput.needsMoreLines("match = 1"))
        #expect(!PromptInput.needsMoreLines("case = match"))
        #expect(!PromptInput.needsMoreLines("match(x)"))
    }

    @Test func pastedMatchStatementsStayWhole() {
        let text = "match x:\n    case 1:\n        a = 1\n\n    case _:\n        a = 2\nmatch = 3\nprint(match)\n"
        #expect(InputSplitter.split(text) == [
            "match x:\n    case 1:\n        a = 1\n\n    case _:\n        a = 2\n", "match = 3", "print(match)",
        ])
    }

    @Test func aMatchBlockRunsInTheSession() {
        var output = ""
        let s = Session(options: Transcript.checkOptions) { text, _ in output += text }
        s.submit("request = ContextVar('request', default=None)")
        s.submit("request.set({'user': 'ada', 'role': 'admin'})")
        s.submit("match request.get():\n    case {'role': 'admin', 'user': name}:\n        print('admin', name)\n    case _:\n        print('nobody')\n")
        #expect(output.hasSuffix("admin ada\n"))
    }
}
