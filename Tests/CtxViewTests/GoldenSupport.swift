import Testing

@testable import CtxView

/// Compares rendered lines with an expected block of text, line by line, so a mismatch names the
/// first differing line and prints the whole actual rendering ready to paste back as the golden.
func expectGolden(
    _ actual: [String], _ expected: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    let wanted = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard actual != wanted else { return }
    let first =
        zip(actual, wanted).enumerated().first { $1.0 != $1.1 }?.offset
        ?? min(actual.count, wanted.count)
    let got = first < actual.count ? actual[first] : "<no line>"
    let want = first < wanted.count ? wanted[first] : "<no line>"
    Issue.record(
        """
        golden mismatch at line \(first + 1):
          expected: \(want)
          actual:   \(got)
        full actual rendering:
        \(actual.joined(separator: "\n"))
        """, sourceLocation: sourceLocation)
}

/// Makes ANSI escapes readable in goldens: `ESC[1;33m` → `{1;33}`, `ESC[0m` → `{0}`.
func visibleEscapes(_ line: String) -> String {
    var result = ""
    var inEscape = false
    for character in line {
        switch (inEscape, character) {
        case (false, "\u{1B}"): inEscape = true
        case (true, "["): result.append("{")
        case (true, "m"):
            result.append("}")
            inEscape = false
        default: result.append(character)
        }
    }
    return result
}

/// Renders with the given settings (fold threshold left at its default).
func render(_ snapshot: TreeSnapshot, width: Int, unicode: Bool = true, color: Bool = false)
    -> [String]
{
    TreeRenderer.render(
        snapshot, options: RenderOptions(width: width, color: color, unicode: unicode))
}
