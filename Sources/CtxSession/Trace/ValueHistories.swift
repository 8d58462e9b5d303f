import CtxCore

/// Where each variable's value in each live context came from, for `:why`: the `set` (or
/// `reset`) that put it there, and the copy that brought it into this context.
///
/// Flat on purpose: a context records the set behind each value (copies share the record) and
/// the one copy that made it; `:why` follows the copies back. A chain of a hundred thousand task
/// contexts costs a hundred thousand small entries, never a deep structure.
struct ValueHistories {
    /// A `var.set(…)` or `var.reset(token)`.
    struct SetRecord: Equatable {
        var context: Int
        var input: Int
        var position: SourcePosition?
        var isReset: Bool
        /// A reset that removed the value (the context had none before the set it undid).
        var removed: Bool
    }
    /// How a context came to be: copied from `from` (nil: made empty) as `provenance`.
    struct Birth: Equatable {
        var from: Int?
        var provenance: String
        var input: Int
        var position: SourcePosition?
    }
    struct Entry {
        var birth: Birth?
        var records: [Int: SetRecord] = [:]
    }

    private(set) var contexts: [Int: Entry] = [:]

    mutating func record(_ event: ContextEvent, input: Int, position: SourcePosition?) {
        switch event {
        case .created(let c, let origin):
            var entry = Entry(birth: Birth(from: origin?.address, provenance: c.provenance, input: input, position: position))
            if let origin, let from = contexts[origin.address] { entry.records = from.records }
            contexts[c.address] = entry
        case .set(let v, let c, _, let new, let isReset):
            contexts[c.address, default: Entry()].records[v.address] = SetRecord(
                context: c.address, input: input, position: position, isReset: isReset, removed: new == nil)
        default: break
        }
    }

    mutating func forget(_ address: Int) { contexts[address] = nil }

    func provenance(of address: Int) -> String? { contexts[address]?.birth?.provenance }

    func entry(_ address: Int) -> Entry? { contexts[address] }
}
