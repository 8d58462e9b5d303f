import Testing

@testable import LineEditor

@Suite struct CandidateColumnsTests {
    @Test func fillsDownThenAcross() {
        let items = ["a", "bb", "ccc", "d", "e"]
        // Cells are 5 wide (3 + 2); three columns would need 5 + 5 + 3 = 13.
        #expect(
            CandidateColumns.lines(for: items, width: 12) == [
                "a    d",
                "bb   e",
                "ccc",
            ])
    }

    @Test func lastColumnNeedsNoSpacing() {
        let items = ["a", "bb", "ccc", "d", "e"]
        #expect(CandidateColumns.lines(for: items, width: 13) == ["a    ccc  e", "bb   d"])
    }

    @Test func usesAllColumnsThatFit() {
        let items = ["one", "two", "six", "ten"]
        #expect(CandidateColumns.lines(for: items, width: 80) == ["one  two  six  ten"])
    }

    @Test func avoidsEmptyColumns() {
        // 5 items in 4 columns would need 2 rows; 2 rows only need 3 columns.
        let items = ["a", "b", "c", "d", "e"]
        #expect(CandidateColumns.lines(for: items, width: 10) == ["a  c  e", "b  d"])
    }

    @Test func tooNarrowGivesOneColumn() {
        #expect(CandidateColumns.lines(for: ["long_name", "x"], width: 4) == ["long_name", "x"])
    }

    @Test func emptyGivesNoLines() {
        #expect(CandidateColumns.lines(for: [], width: 80) == [])
    }

    @Test func wideCharactersTakeTwoColumns() {
        #expect(TextWidth.columns(of: "日本") == 4)
        #expect(TextWidth.columns(of: "é🎉") == 3)
        #expect(CandidateColumns.lines(for: ["日本", "ab"], width: 80) == ["日本  ab"])
    }
}
