import Testing
@testable import CtxCore

/// "Task exception was never retrieved" (`Loop/Unretrieved.swift`) and threads that stop where
/// they sleep (`Threads/PyThread.swift`).
@Suite struct UnretrievedAndTurnsTests {
    let h = Harness()
    var rt: Runtime { h.rt }

    private func failing(_ tag: String) -> StateMachineCoroutine {
        StateMachineCoroutine(name: "failing") { rt, _ in throw rt.error(.ValueError, tag) }
    }

    @Test func aFailedTaskNobodyRetrievedIsReportedWhenMainEnds() throws {
        let runner = Runner(runtime: rt)
        var reports: [String] = []
        let main = StateMachineCoroutine(name: "main") { rt, resume in
            guard case .start = resume else { return .returned(.none) }
            let loop = rt.runningLoop!
            loop.exceptionHandler = { reports.append($0.message + ": " + ($0.exception?.summaryLine() ?? "")) }
            let lost = loop.createTask(self.failing("lost"))
            let asked = loop.createTask(self.failing("asked"))
            _ = lost
            let wait = loop.createFuture()
            loop.callLater(0.01, "wake") {
                _ = try? asked.exception()  // retrieved: not reported
                try wait.setResult(.none)
            }
            return .awaiting(wait)
        }
        _ = try runner.run(main)
        #expect(reports == ["Task exception was never retrieved: ValueError: lost"])
        try runner.close()
        rt.reportUnretrieved()
        #expect(reports.count == 1)  // reported once
    }

    /// A target that says "a", blocks until 0.1 on its clock, says "b".
    final class TwoTurns: ResumableTarget {
        let h: Harness
        var turn = 0
        init(_ h: Harness) { self.h = h }
        func resume(_ rt: Runtime) throws -> Turn {
            turn += 1
            if turn == 1 {
                h.say("a")
                return .blocked(until: rt.clock + 0.1)
            }
            h.say("b at \(rt.clock)")
            return .returned(.none)
        }
    }

    @Test func aThreadThatSleepsLetsItsStarterGoOn() throws {
        let t = rt.makeThread(name: nil) { _ in }
        t.resumable = TwoTurns(h)
        try rt.start(t)
        h.say("started")
        #expect(rt.isAlive(t))
        try rt.join(t)
        h.say("joined at \(rt.clock)")
        #expect(h.log == ["a", "started", "b at 0.1", "joined at 0.1"])
        #expect(!rt.isAlive(t) && t.state == .finished)
    }

    @Test func theEndOfTheProgramDoesNotWaitForDaemonThreads() throws {
        let t = rt.makeThread(name: nil) { _ in }
        t.daemon = true
        t.resumable = TwoTurns(h)
        try rt.start(t)
        try rt.finishThreads()
        #expect(h.log == ["a"])
    }
}
