/// The tokens the lexer hands to the parser. (Named `Lexeme` because `CtxCore` already defines
/// `Token` for `ContextVar.set` tokens.)

/// What a lexeme is.
enum LexemeKind: Equatable, Sendable {
    /// An identifier that is not a keyword.
    case name
    /// One of Python's hard keywords (`if`, `None`, `lambda`, …).
    case keyword
    /// A numeric literal; its value is in `Lexeme.number`.
    case number
    /// A string, bytes or f-string literal; its parts are in `Lexeme.string`.
    case string
    /// An operator or delimiter (`+`, `**=`, `(`, `->`, `...`), or a stray character such as `$`.
    case op
    case newline
    case indent
    case dedent
    case endMarker
}

/// One token with its text and its 1-based start and end positions.
struct Lexeme: Sendable {
    var kind: LexemeKind
    /// The identifier, keyword or operator text; the raw source text for numbers and strings.
    var text: String
    var pos: SourcePos
    var end: SourcePos
    /// The bracket nesting level in effect *before* this token (an opening bracket has the outer level).
    var level: Int = 0
    var number: Constant?
    var string: StringLiteral?

    func isOp(_ s: String) -> Bool { kind == .op && text == s }
    func isKeyword(_ s: String) -> Bool { kind == .keyword && text == s }
}

/// A string literal as scanned: its prefix flags and either its raw body (plain and bytes
/// strings, escapes not yet processed) or its f-string pieces.
struct StringLiteral: Sendable {
    var isRaw: Bool
    var isBytes: Bool
    var isFString: Bool
    /// The text between the quotes, escapes unprocessed (empty for f-strings).
    var body: String
    /// Where the body starts (after the opening quotes).
    var bodyPos: SourcePos
    /// For f-strings: the literal runs and replacement fields, in order.
    var pieces: [RawFPiece]
}

/// A piece of an f-string as the lexer found it; the parser turns fields into expressions.
indirect enum RawFPiece: Sendable {
    /// Literal text, escapes and `{{`/`}}` unprocessed, and where it starts.
    case literal(String, SourcePos)
    case field(RawField)
}

/// A replacement field `{expr=!r:spec}` of an f-string.
struct RawField: Sendable {
    /// Scalar offsets of the expression text in the lexer's source.
    var exprStart: Int
    var exprEnd: Int
    var exprPos: SourcePos
    /// Position of the opening `{`.
    var bracePos: SourcePos
    /// The text up to and including `=` for `{expr=}`, nil otherwise.
    var selfDocumenting: String?
    var conversion: Character?
    var spec: [RawFPiece]?
}

/// Python's hard keywords.
let pythonKeywords: Set<String> = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
    "try", "while", "with", "yield",
]

/// Operators and delimiters, longest first within each length.
let threeCharOps: Set<String> = ["**=", "//=", ">>=", "<<=", "..."]
let twoCharOps: Set<String> = [
    "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=", "%=", "&=",
    "|=", "^=", "@=", ":=",
]
let oneCharOps: Set<Character> = [
    "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}",
    ",", ":", ";", ".", "=", "!",
]
