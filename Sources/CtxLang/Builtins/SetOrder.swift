import CtxCore

extension Interpreter {
    /// The order in which CPython iterates a set: slot order in its open-addressing table
    /// (Objects/setobject.c: 8 slots to start, linear probing of 9 then perturbation, growing to
    /// 4x the used count when 3/5 full). Replaying the insertions gives the same order for ints,
    /// whose hash is their value; strings hash randomly in CPython, so any order is faithful.
    func setIterationOrder(_ s: PySet) -> [Value] {
        let items = s.storage.map(\.value)
        guard items.count > 1 else { return items }
        let hashes = items.map { UInt64(bitPattern: Int64((try? hash($0)) ?? 0)) }
        var table = [Int?](repeating: nil, count: 8)
        var used = 0
        func insert(_ idx: Int, into t: inout [Int?]) {
            let mask = UInt64(t.count - 1)
            let h = hashes[idx]
            var i = h & mask, perturb = h
            while true {
                let probes = i + 9 <= mask ? 9 : 0
                for k in 0...UInt64(probes) where t[Int(i + k)] == nil {
                    t[Int(i + k)] = idx
                    return
                }
                perturb >>= 5
                i = (i &* 5 &+ 1 &+ perturb) & mask
            }
        }
        for idx in items.indices {
            insert(idx, into: &table)
            used += 1
            if used * 5 >= (table.count - 1) * 3 {
                var size = 8
                let minused = used > 50_000 ? used * 2 : used * 4
                while size <= minused { size <<= 1 }
                var fresh = [Int?](repeating: nil, count: size)
                for case let j? in table { insert(j, into: &fresh) }
                table = fresh
            }
        }
        return table.compactMap { $0.map { items[$0] } }
    }
}
