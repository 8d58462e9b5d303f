import Foundation
import Testing

/// `ctxlab export`: every built-in lesson as one HTML file, driven in headless Chromium (the
/// page's own key handlers, fed by its `?keys=` hook), and the DOM read back.
@Suite(.serialized) struct ExportBrowserTests {
    static let browser: String? = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static func export(_ lesson: String, to path: String) throws -> CommandResult {
        try runCommand(Tmux.binary, ["export", lesson, "-o", path], timeout: 60)
    }

    /// The DOM after loading `url` (and running its scripts).
    static func dom(_ url: String) throws -> String {
        guard let browser else { throw HarnessError(description: "no browser") }
        let r = try runCommand(browser, ["--no-sandbox", "--disable-gpu", "--headless", "--dump-dom", url], timeout: 60)
        return r.stdout
    }

    /// The section of the step on screen (`<section class="step current" …>…</section>`).
    static func currentSection(_ dom: String) -> String {
        guard let start = dom.range(of: "class=\"step current\"") else { return "" }
        let rest = dom[start.lowerBound...]
        return String(rest[..<(rest.range(of: "</section>")?.upperBound ?? rest.endIndex)])
    }

    static func counter(_ dom: String) -> String {
        guard let r = dom.range(of: "id=\"counter\">") else { return "" }
        return String(dom[r.upperBound...].prefix { $0 != "<" })
    }

    @Test func everyLessonExportsToOneSmallSelfContainedFile() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        for n in 1...6 {
            let path = dir.path + "/lesson\(n).html"
            let r = try Self.export(String(n), to: path)
            #expect(r.status == 0, "\(r.stderr)")
            let html = try String(contentsOfFile: path, encoding: .utf8)
            #expect(html.utf8.count < 1 << 20, "lesson \(n) is \(html.utf8.count) bytes")
            #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<link") && !html.contains("src="),
                    "lesson \(n) refers to something outside the file")
            #expect(html.contains("@media print"))
        }
    }

    @Test func theExportedLessonPlaysInABrowser() throws {
        guard Self.browser != nil else {
            print("ExportBrowserTests: *** SKIPPED: no headless Chromium (bin/test installs chromium-headless-shell) ***")
            return
        }
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.path + "/lesson1.html"
        #expect(try Self.export("1", to: path).status == 0)
        let url = "file://" + path
        let start = try Self.dom(url)
        #expect(Self.counter(start).hasPrefix("0 / "))
        let forward = try Self.dom(url + "?keys=Right,PageDown,Down,Space")
        #expect(Self.counter(forward).hasPrefix("4 / "))
        #expect(Self.currentSection(forward).contains("data-step=\"4\""))
        let back = try Self.dom(url + "?keys=Right,Right,Right,Left,PageUp,Up")
        #expect(Self.counter(back).hasPrefix("0 / "))
        let jump = try Self.dom(url + "?keys=1,2,Enter")
        let section12 = Self.currentSection(jump)
        #expect(Self.counter(jump).hasPrefix("12 / "))
        #expect(section12.contains("data-step=\"12\"") && section12.contains("class=\"input\""))
        // The tree in the page is the terminal's tree: the session context and its marks.
        #expect(section12.contains("REPL session context"))
        let linked = try Self.dom(url + "#7")
        #expect(Self.counter(linked).hasPrefix("7 / "))
        let end = try Self.dom(url + "?keys=End")
        #expect(Self.counter(end).hasPrefix("28 / ") || Self.counter(end).split(separator: "/").first?.trimmingCharacters(in: .whitespaces)
                == Self.counter(end).split(separator: "/").last?.trimmingCharacters(in: .whitespaces))
        let shot = dir.path + "/step5.png"
        _ = try runCommand(Self.browser!, ["--no-sandbox", "--disable-gpu", "--headless", "--screenshot=\(shot)", "--window-size=1280,720", url + "#5"], timeout: 60)
        let size = (try? FileManager.default.attributesOfItem(atPath: shot)[.size] as? Int) ?? 0
        #expect(size > 10_000, "the screenshot of step 5 is \(size) bytes")
    }

    @Test func checkRefusesAFileWithNoInput() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let file = dir.path + "/program.py"
        try "print('ok')\n".write(toFile: file, atomically: true, encoding: .utf8)
        let r = try runCommand(Tmux.binary, ["check", file])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no `>>> ` input"))
    }
}
