/// What one call of `LineEditor.readLine(prompt:initialText:)` produced.
public enum ReadResult: Equatable, Sendable {
    /// A line the user accepted with Enter, without the line terminator. It contains `"\n"`
    /// when a multi-line history entry was recalled and accepted as a whole.
    case line(String)
    /// A bracketed paste with line breaks in it: the line's whole text with the paste in place
    /// (line ends as "\n", the prompt's offered indentation dropped when the paste brings its
    /// own). Its first line is on the screen after the prompt; the caller shows the rest.
    case paste(String)
    /// Ctrl-D on an empty line, or end of input.
    case eof
    /// Ctrl-C while editing: the line was abandoned.
    case interrupted
}
