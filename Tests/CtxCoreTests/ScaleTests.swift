import Testing
@testable import CtxCore

/// 100,000 contexts and 100,000 pending tasks must fit comfortably: coroutines are state machines,
/// not OS threads, and a context copy shares its trie.
@Suite struct ScaleTests {
    @Test func hundredThousandContexts() throws {
        let h = Harness()
        let vars = (0..<16).map { h.variable("v\($0)") }
        for (i, v) in vars.enumerated() { v.set(h.rt, .int(i)) }
        var copies: [Context] = []
        copies.reserveCapacity(100_000)
        for i in 0..<100_000 {
            let c = h.rt.copyContext()
            if i % 1000 == 0 { try c.run(h.rt) { vars[0].set(h.rt, .int(-i)) } }
            copies.append(c)
        }
        #expect(copies.count == 100_000)
        #expect(try copies[5000].item(h.rt, vars[0]).isIdentical(.int(-5000)))
        #expect(try copies[5001].item(h.rt, vars[0]).isIdentical(.int(0)))
    }

    @Test func hundredThousandTasks() throws {
        let h = Harness()
        let v = h.variable("v")
        var finished = 0
        let loop = h.loop
        let tasks: [Future] = (0..<100_000).map { i in
            loop.createTask(Script("t", [
                { _ in v.set(h.rt, .int(i)); return .step(.yielded) },
                { _ in
                    if case .int(let x) = try v.get(h.rt), x == i { finished += 1 }
                    return .step(.returned(.none))
                },
            ]))
        }
        #expect(loop.pendingTasks.count == 100_000)
        try loop.runUntilComplete(loop.gather(tasks))
        #expect(finished == 100_000)
    }
}
