import Testing
@testable import CtxCore

/// The core's `ContextEvent`s (Contexts/ContextEvents.swift), as a listener receives them, with no
/// language on top: the sequence for each operation, and nothing at all without a listener.
@Suite struct ContextEventTests {
    let h = Harness()
    var rt: Runtime { h.rt }

    /// Listens, describing each event in a few words (contexts by their provenance).
    func listen() -> () -> [String] {
        final class Log { var lines: [String] = [] }
        let log = Log()
        rt.onEvent = { e in
            switch e {
            case .created(let c, let origin): log.lines.append("created \(c.provenance) from \(origin?.provenance ?? "nothing")")
            case .entered(let c, let reason): log.lines.append("entered \(c.provenance) by \(reason)")
            case .exited(let c, let reason): log.lines.append("exited \(c.provenance) by \(reason)")
            case .set(let v, let c, let old, let new, let isReset):
                let was = (try? old?.repr()) ?? "nothing", now = (try? new?.repr()) ?? "nothing"
                log.lines.append("\(isReset ? "reset" : "set") \(v.name) in \(c.provenance): \(was ?? "nothing") -> \(now ?? "nothing")")
            case .taskCreated(let t): log.lines.append("task \(t.name) in \(t.context.provenance)")
            case .taskStepBegan(let t): log.lines.append("step of \(t.name) begins")
            case .taskStepEnded(let t): log.lines.append("step of \(t.name) ends\(t.isDone ? ", done" : "")")
            case .coroutineCreated(let name, _, _): log.lines.append("coroutine \(name) made")
            case .coroutineAwaited(let name, _, _): log.lines.append("coroutine \(name) awaited")
            case .dropped(_, let mapping): log.lines.append("dropped (\(mapping.items.count) values)")
            }
        }
        return { log.lines }
    }

    @Test func copyRunSetExitDrop() throws {
        let v = h.variable("v")
        _ = rt.currentContext()
        let events = listen()
        do {
            let copy = rt.copyContext()
            try copy.run(rt) {
                let token = v.set(rt, .int(1))
                try v.reset(rt, token)
                v.set(rt, .int(2))
            }
        }
        #expect(events() == [
            "created copy_context() from thread MainThread",
            "entered copy_context() by contextRun",
            "set v in copy_context(): nothing -> 1",
            "reset v in copy_context(): 1 -> nothing",
            "set v in copy_context(): nothing -> 2",
            "exited copy_context() by contextRun",
            "dropped (1 values)",
        ])
    }

    @Test func aTaskStepRunsInItsContext() throws {
        let v = h.variable("v")
        _ = rt.currentContext()
        let events = listen()
        let task = h.loop.createTask(script("main", [
            { rt in v.set(rt, .str("x")); return .yielded },
            { _ in .returned(.none) },
        ]))
        try h.loop.runUntilComplete(task)
        let seen = events()
        #expect(seen.prefix(2) == ["created Task-1 from thread MainThread", "task Task-1 in Task-1"])
        #expect(seen.contains("entered Task-1 by taskStep(\"Task-1\")"))
        #expect(seen.contains("set v in Task-1: nothing -> 'x'"))
        #expect(seen.filter { $0 == "step of Task-1 begins" }.count == 2)
        #expect(seen.contains("step of Task-1 ends, done"))
    }

    @Test func nothingIsBuiltWithoutAListener() throws {
        // No listener: contexts keep no reference to the runtime for the `dropped` event.
        let c = rt.copyContext()
        #expect(Mirror(reflecting: c).children.contains { $0.label == "dropReport" && "\($0.value)" == "nil" })
        let events = listen()
        _ = rt.copyContext()
        #expect(events() == ["created copy_context() from thread MainThread", "dropped (0 values)"])
    }
}
