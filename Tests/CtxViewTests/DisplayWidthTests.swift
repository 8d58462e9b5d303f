import Testing

@testable import CtxView

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("", 0), ("abc", 3), ("request_id = 'abc'", 18),
        ("日本語", 6), ("ｱ", 1), ("Ａ", 2), ("한국어", 6), ("アリス", 6),
        ("e\u{301}", 1), ("😀", 2), ("👍🏽", 2), ("👨‍👩‍👧", 2), ("🇫🇷", 2), ("🇫🇷🇩🇪", 4), ("❤\u{FE0F}", 2),
        ("❤", 1),
        ("│   ├── └── ▶ … ← →", 19), ("\u{1B}[1;33mbold\u{1B}[0m", 4), ("\u{1B}[36m日本\u{1B}[0m", 4),
        ("a\tb", 2), ("\u{200B}", 0),
    ])
    func widths(text: String, columns: Int) {
        #expect(displayWidth(text) == columns, "\(text.debugDescription)")
    }

    @Test func truncateAddsTheEllipsisWithinTheWidth() {
        #expect(Truncation.truncate("'abcdefgh'", toWidth: 6, ellipsis: "…") == "'abcd…")
        #expect(Truncation.truncate("'abcdefgh'", toWidth: 6, ellipsis: "...") == "'ab...")
        #expect(Truncation.truncate("short", toWidth: 5, ellipsis: "…") == "short")
        #expect(Truncation.truncate("abc", toWidth: 2, ellipsis: "...") == "ab")
        #expect(Truncation.truncate("abc", toWidth: 0, ellipsis: "…") == "")
    }

    /// A wide character that would straddle the edge is left out rather than overflowing.
    @Test func truncateNeverSplitsAWideCharacter() {
        #expect(Truncation.truncate("日本語テキスト", toWidth: 6, ellipsis: "…") == "日本…")
        #expect(Truncation.prefix("日本語", width: 3) == "日")
    }

    @Test func sanitizeReplacesControls() {
        #expect(Truncation.sanitize("a\nb\u{1B}c\u{7F}d\u{85}") == "a?b?c?d?")
        #expect(Truncation.sanitize("日本 ok") == "日本 ok")
    }

    @Test func padMeasuresDisplayWidth() {
        #expect(Truncation.pad("日本", toWidth: 6) == "日本  ")
    }

    @Test func styleIsANoOpWhenDisabled() {
        let off = Style(enabled: false)
        #expect(off.bold("x") == "x" && off.red("x") == "x" && off.apply(.changed, to: "x") == "x")
        let on = Style(enabled: true)
        #expect(on.bold("x") == "\u{1B}[1mx\u{1B}[0m")
        #expect(on.wrap("x", [1, 33]) == "\u{1B}[1;33mx\u{1B}[0m")
        #expect(on.dim("") == "")
    }
}
