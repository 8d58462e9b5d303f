import Testing

@testable import CtxLang

/// The "Did you mean" distance and choice, against values CPython 3.13 computes
/// (`traceback._levenshtein_distance`, `_suggestions._generate_suggestions`).
@Suite struct SuggestionsTests {
    @Test(arguments: [
        ("prnt", "print", 3, 2), ("Sleep", "sleep", 2, 1), ("abc", "xyz", 3, 4), ("tokn", "token", 4, 2),
        ("request_id", "request_idd", 6, 2), ("apend", "append", 3, 2), ("Event", "event", 2, 1),
        (String(repeating: "a", count: 45) + "x", String(repeating: "a", count: 45) + "y", 10, 2),
        (String(repeating: "x", count: 41), String(repeating: "y", count: 41), 100, 101),
    ])
    func distanceMatchesCPython(a: String, b: String, maxCost: Int, expected: Int) {
        #expect(Suggestions.levenshtein(Array(a.utf8), Array(b.utf8), maxCost: maxCost) == expected)
    }

    @Test func choiceMatchesCPython() {
        #expect(Suggestions.closest(to: "prnt", among: ["print", "prnt_x", "sprint"]) == "print")
        #expect(Suggestions.closest(to: "aBc", among: ["Abc", "abc"]) == "abc")
        #expect(Suggestions.closest(to: "y", among: Array(repeating: "x", count: 750)) == nil)
        #expect(Suggestions.closest(to: "y", among: ["yy"]) == "yy")
        #expect(Suggestions.closest(to: "same", among: ["same"]) == nil)  // the missing name itself
    }
}
