import Testing

@testable import LineEditor

@Suite struct HistoryStoreTests {
    @Test func skipsBlankEntriesAndImmediateRepeats() {
        var store = HistoryStore(capacity: 10)
        let added = ["a = 1", "a = 1", "   ", "", "b", "a = 1"].map { store.add($0) }
        #expect(added == [true, false, false, false, true, true])
        #expect(store.entries == ["a = 1", "b", "a = 1"])
    }

    @Test func keepsOnlyTheNewestEntries() {
        let store = HistoryStore(capacity: 3, entries: ["1", "2", "3", "4", "5"])
        #expect(store.entries == ["3", "4", "5"])
    }

    @Test func keepsMultiLineEntriesWhole() {
        var store = HistoryStore(capacity: 3)
        store.add("def f():\n    return 1")
        #expect(store.entries == ["def f():\n    return 1"])
    }

    @Test(arguments: [
        ("x = 1\n", "x = 1"),
        ("x = 1  ", "x = 1  "),
        ("def f():\n    return 1\n    ", "def f():\n    return 1"),
        ("if x:\n\n    y\n\n", "if x:\n\n    y"),
    ])
    func dropsTrailingBlankLines(_ entry: String, _ expected: String) {
        #expect(HistoryStore.normalized(entry) == expected)
    }
}
