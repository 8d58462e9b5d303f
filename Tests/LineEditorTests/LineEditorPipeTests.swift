import Foundation
import Testing

@testable import LineEditor

#if canImport(Glibc)
    import Glibc
#endif

/// The editor reading from a pipe (libedit's no-tty mode) and its history file.
extension ReadLineTests {
    @Suite struct LineEditorPipeTests {
        @Test func readsLinesThenEOF() throws {
            let input = try Pipe.make()
            input.send("x = 1\nprint('é')\nlast")
            input.closeWriteEnd()
            let editor = try makeEditor(input: input)
            let results = (0..<4).map { _ in editor.readLine(prompt: ">>> ", initialText: "    ") }
            #expect(results == [.line("x = 1"), .line("print('é')"), .line("last"), .eof])
        }

        @Test func historyIsLoadedAndSavedThroughTheEditor() throws {
            let directory = try TemporaryDirectory()
            let path = directory.path + "/nested/history"
            try HistoryFile.save(["old = 1"], to: path)
            let input = try Pipe.make()
            do {
                let editor = try makeEditor(input: input, historyFile: path)
                #expect(editor.historyEntries == ["old = 1"])
                editor.addHistory("for i in x:\n    print(i)\n")
                editor.addHistory("  ")
                try editor.saveHistory()
            }
            let reopened = try makeEditor(input: input, historyFile: path)
            #expect(reopened.historyEntries == ["old = 1", "for i in x:\n    print(i)"])
            #expect(reopened.historyLoadError == nil)
        }

        @Test func unreadableHistoryIsReportedNotFatal() throws {
            let directory = try TemporaryDirectory()
            let editor = try makeEditor(input: try Pipe.make(), historyFile: directory.path)
            #expect(editor.historyEntries == [])
            #expect(editor.historyLoadError?.description.hasPrefix("cannot read history") == true)
        }

        @Test func sigintWhileReadingInterruptsAndRestoresTheHandler() throws {
            let input = try Pipe.make()
            let editor = try makeEditor(input: input)
            let original = signal(SIGINT, SIG_IGN)
            defer { signal(SIGINT, original) }
            let sender = InterruptSender()
            let result = editor.readLine(prompt: ">>> ")
            sender.stop()
            #expect(result == .interrupted)
            let during = signal(SIGINT, SIG_IGN)
            #expect(unsafeBitCast(during, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self))
        }

        private func makeEditor(input: Pipe, historyFile: String? = nil) throws -> LineEditor {
            try LineEditor(
                programName: "ctxlab-test", historyFile: historyFile, maxHistory: 100,
                inputFD: input.readEnd, outputFD: Pipe.devNull)
        }
    }

}

/// A pipe to feed an editor, closed when released.
final class Pipe {
    let readEnd: Int32
    private(set) var writeEnd: Int32
    static let devNull = open("/dev/null", O_WRONLY)

    struct Failed: Error {}

    private init(readEnd: Int32, writeEnd: Int32) {
        self.readEnd = readEnd
        self.writeEnd = writeEnd
    }

    static func make() throws -> Pipe {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw Failed() }
        return Pipe(readEnd: ends[0], writeEnd: ends[1])
    }

    func send(_ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer {
            write(writeEnd, $0.baseAddress, $0.count - 1)
        }
    }

    func closeWriteEnd() {
        if writeEnd >= 0 { close(writeEnd) }
        writeEnd = -1
    }

    deinit {
        closeWriteEnd()
        close(readEnd)
    }
}

/// Raises SIGINT every 20 ms on its own thread until stopped (at most 2 s).
///
/// It signals itself because test threads may block SIGINT, and the relay must work whichever
/// thread the signal lands on. Repeating covers signals that land before readLine installed
/// its handler (the test ignores SIGINT meanwhile).
final class InterruptSender: @unchecked Sendable {
    private let lock = NSLock()
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)

    init() {
        Thread.detachNewThread { [self] in run() }
    }

    /// Stops the sender and waits until it will send no more.
    func stop() {
        lock.withLock { stopping = true }
        finished.wait()
    }

    private func run() {
        // Threads started from Swift concurrency's pool inherit its mask, which blocks SIGINT.
        var interruptOnly = sigset_t()
        sigemptyset(&interruptOnly)
        sigaddset(&interruptOnly, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interruptOnly, nil)
        for _ in 0..<100 {
            usleep(20_000)
            if lock.withLock({ stopping }) { break }
            raise(SIGINT)
        }
        finished.signal()
    }
}
