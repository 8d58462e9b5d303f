import ArgumentParser
import CtxSession

/// `ctxlab export`: a lesson as one self-contained HTML file (see `LessonExport`).
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a lesson as one self-contained HTML file that plays it in a browser, offline.")

    @Argument(help: "A built-in lesson (its number or part of its name) or a transcript (.pycon).")
    var lesson: String

    @Option(name: .shortAndLong, help: "The HTML file to write (default: the lesson's name with .html, here).")
    var output: String?

    func run() throws {
        let title: String, text: String, stem: String
        if lesson.hasSuffix(".pycon") {
            text = try readTextOrExit(lesson)
            let base = String(lesson.split(separator: "/").last ?? Substring(lesson)).dropLast(6)
            stem = String(base)
            title = Lesson(name: stem, title: "", text: text).titleLine ?? stem
        } else {
            let l = try builtInLesson(lesson)
            (title, text, stem) = (l.title, l.text, l.name)
        }
        let transcript = Transcript(parsing: text)
        guard transcript.inputs.count > 0 else {
            printError("ctxlab: \(lesson) has no `>>> ` input: nothing to export")
            throw ExitCode(2)
        }
        let html = onLargeStack { LessonExport.html(title: title, transcript: transcript) }
        let path = output ?? stem + ".html"
        try DiskFiles().write(path, html)
        print("wrote \(path) (\(html.utf8.count / 1024) KiB, \(DemoPlayer.lessonSteps(of: transcript).0.count) steps)")
    }
}
