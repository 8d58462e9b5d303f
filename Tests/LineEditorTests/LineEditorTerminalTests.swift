import Testing

@testable import LineEditor

#if canImport(Glibc)
    import Glibc
#endif

/// The editor on a pseudo-terminal: real libedit editing, keys typed as a user would.
extension ReadLineTests {
    @Suite struct LineEditorTerminalTests {
        @Test func tabCompletesListsAndIndents() throws {
            try withTerminal { editor, terminal in
                editor.completer = { [delimiters = editor.wordDelimiters] line in
                    let word = CompletionPlanner.currentWord(in: line, delimiters: delimiters)
                    return ["print(", "property(", "pass"].filter { $0.hasPrefix(word) }
                }
                terminal.type("x = pr\t" + "i\t" + "1)\r")
                #expect(editor.readLine(prompt: ">>> ") == .line("x = print(1)"))
                #expect(terminal.waitForOutput(containing: "print(     property("))
                terminal.type("\tpa\t\r")
                #expect(editor.readLine(prompt: "... ") == .line("    pass"))
            }
        }

        @Test func initialTextIsPreTyped() throws {
            try withTerminal { editor, terminal in
                terminal.type("return 1\r")
                #expect(
                    editor.readLine(prompt: "... ", initialText: "    ") == .line("    return 1"))
            }
        }

        @Test func controlDOnEmptyLineIsEOF() throws {
            try withTerminal { editor, terminal in
                terminal.type("\u{04}")
                #expect(editor.readLine(prompt: ">>> ") == .eof)
            }
        }

        @Test func controlDInsideALineDeletesAndAtItsEndDoesNothing() throws {
            try withTerminal { editor, terminal in
                // ^B back over "c", ^D deletes it, a second ^D at the end does nothing.
                terminal.type("abc\u{02}\u{04}\u{04}\r")
                #expect(editor.readLine(prompt: ">>> ") == .line("ab"))
            }
        }

        @Test func editsMultibyteText() throws {
            try withTerminal { editor, terminal in
                // é, backspace, e; then ^A to the start, ^F over "n", ^D deletes "e", then "é" again.
                terminal.type("né\u{7F}e\u{01}\u{06}\u{04}é\r")
                #expect(editor.readLine(prompt: ">>> ") == .line("né"))
            }
        }

        @Test func recallsAMultiLineEntryAsOne() throws {
            try withTerminal { editor, terminal in
                editor.addHistory("def f():\n    return 1\n")
                editor.addHistory("x = 2")
                terminal.type("\u{10}\u{10}\r")  // ^P ^P Enter
                #expect(editor.readLine(prompt: ">>> ") == .line("def f():\n    return 1"))
            }
        }

        @Test func controlRSearchesHistory() throws {
            try withTerminal { editor, terminal in
                editor.addHistory("alpha = 1")
                editor.addHistory("beta = 2")
                terminal.type("\u{12}alp\r")
                #expect(editor.readLine(prompt: ">>> ") == .line("alpha = 1"))
            }
        }

        @Test func colouredPromptIsShownWithItsEscapes() throws {
            try withTerminal { editor, terminal in
                terminal.type("ok\r")
                #expect(editor.readLine(prompt: "\u{1B}[32m>>>\u{1B}[0m ") == .line("ok"))
                #expect(terminal.waitForOutput(containing: "\u{1B}[32m>>>\u{1B}[0m "))
                #expect(!terminal.output.contains("\u{01}"))
            }
        }

        private func withTerminal(_ body: (LineEditor, PseudoTerminal) throws -> Void) throws {
            let terminal = try PseudoTerminal()
            do {
                let editor = try LineEditor(
                    programName: "ctxlab-test", historyFile: nil, maxHistory: 100,
                    inputFD: terminal.slave, outputFD: terminal.slave, terminalType: "xterm")
                try body(editor, terminal)
            }
            terminal.close()
        }
    }
}
