import Foundation
import Testing
@testable import CtxLang

/// `classifyInteractiveInput` against CPython's own answers: `Fixtures/codeop-cases.json` holds
/// thousands of partial REPL inputs with what `codeop.compile_command(source, "<stdin>",
/// "single")` said of each on CPython 3.13 (recorded by `scripts/record-codeop-cases.py`, never
/// written by hand: the prefixes of every statement of the conformance corpus, the lessons and
/// the seed article, plus hand-picked nested blocks, brackets, strings and clauses).
struct CodeopTableTests {
    struct Case: Decodable {
        let source: String
        let expected: String
        let error: String?
    }

    struct Table: Decodable {
        let cases: [Case]
    }

    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/codeop-cases.json")

    static func load() throws -> [Case] {
        try JSONDecoder().decode(Table.self, from: Data(contentsOf: fixture)).cases
    }

    static func word(_ status: InputStatus) -> String {
        switch status {
        case .complete: return "complete"
        case .incomplete: return "incomplete"
        case .invalid: return "invalid"
        }
    }

    @Test func everyRecordedInputIsClassifiedAsCPythonDoes() throws {
        let cases = try Self.load()
        #expect(cases.count > 1000)
        var mismatches: [String] = []
        for c in cases {
            let got = Self.word(classifyInteractiveInput(c.source))
            if got != c.expected {
                mismatches.append("\(c.source.debugDescription): CPython \(c.expected)\(c.error.map { " (\($0))" } ?? ""), ctxlab \(got)")
            }
        }
        let report = "\(mismatches.count) of \(cases.count) differ:\n" + mismatches.prefix(60).joined(separator: "\n")
        if !mismatches.isEmpty { Issue.record(Comment(rawValue: report)) }
    }
}
