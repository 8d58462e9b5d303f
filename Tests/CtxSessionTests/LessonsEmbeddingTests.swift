import Foundation
import Testing
import CtxSession

/// The lessons compiled into the binary are exactly transcripts/*.pycon.
@Suite struct LessonsEmbeddingTests {
    static let transcripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("transcripts")

    @Test func embeddedLessonsMatchTheTranscriptFiles() throws {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: Self.transcripts.path)) ?? [])
            .filter { $0.hasSuffix(".pycon") }.sorted()
        #expect(Lessons.all.map { $0.name + ".pycon" } == files, "run scripts/embed-lessons.py")
        for lesson in Lessons.all {
            let text = try String(contentsOf: Self.transcripts.appendingPathComponent(lesson.name + ".pycon"), encoding: .utf8)
            #expect(lesson.text == text, "\(lesson.name) is out of date: run scripts/embed-lessons.py")
        }
    }
}
