import Foundation
import Testing
import CtxCore
@testable import CtxLang

/// Freeing deep structures never recurses (CtxCore/Objects/Teardown.swift): run on a thread
/// with a small stack, where a recursive release of even 100,000 levels would overflow.
struct TeardownTests {
    /// Builds and drops a structure on a thread with a 512 KiB stack; returns whether it finished.
    func onSmallStack(_ body: @escaping @Sendable () -> Void) -> Bool {
        final class Flag: @unchecked Sendable { var done = false }
        let flag = Flag()
        let thread = Thread {
            body()
            flag.done = true
        }
        thread.stackSize = 512 << 10
        thread.start()
        let deadline = Date().addingTimeInterval(60)
        while !flag.done && Date() < deadline { usleep(10_000) }
        return flag.done
    }

    @Test func nestedListsTuplesDictsAndNamespacesAreFreedIteratively() {
        #expect(onSmallStack {
            let rt = Runtime()
            var list: Value = .object(PyList(runtime: rt, []))
            for _ in 0..<1_000_000 { list = .object(PyList(runtime: rt, [list])) }
            list = .none
            var tuple: Value = .none
            for i in 0..<1_000_000 { tuple = .object(PyTuple(runtime: rt, [tuple, .int(i)])) }
            tuple = .none
            var ns = Namespace()
            for _ in 0..<300_000 {
                let outer = Namespace()
                outer["next"] = .object(PyModule(runtime: rt, name: "m", namespace: ns))
                ns = outer
            }
            ns = Namespace()
            _ = (list, tuple, ns)
        })
    }
}
