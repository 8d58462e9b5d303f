import Testing

@testable import LineEditor

@Suite struct PromptEscapesTests {
    @Test func plainPromptIsUnchanged() {
        #expect(PromptEscapes.wrap(">>> ") == ">>> ")
    }

    @Test func wrapsEachCSISequence() {
        let prompt = "\u{1B}[1;32m>>>\u{1B}[0m "
        #expect(PromptEscapes.wrap(prompt, marker: "|") == "|\u{1B}[1;32m|>>>|\u{1B}[0m| ")
    }

    @Test func wrapsOSCAndShortSequences() {
        let prompt = "\u{1B}]0;title\u{07}\u{1B}7... "
        #expect(PromptEscapes.wrap(prompt, marker: "|") == "|\u{1B}]0;title\u{07}||\u{1B}7|... ")
    }

    @Test func unterminatedSequenceRunsToTheEnd() {
        #expect(PromptEscapes.wrap("a\u{1B}[12", marker: "|") == "a|\u{1B}[12|")
    }
}
