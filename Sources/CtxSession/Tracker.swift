import CtxCore

/// Remembers, weakly, every context and variable the session created, what the tree showed last
/// time (to mark changes), and where the current command began (to mark new nodes and tasks).
final class Tracker {
    private struct Entry {
        weak var context: Context?
        /// Its mapping stamp when the tree was last drawn; nil when it was not drawn then.
        var shownStamp: Int?
    }
    private struct WeakVariable {
        weak var variable: ContextVar?
    }
    /// In creation order, and so in increasing order of address (`addresses`, kept alongside, is
    /// searched to find a context's entry without hashing).
    private var entries: [Entry] = []
    private var addresses: [Int] = []
    private var variables: [WeakVariable] = []
    private var createdSinceCommand = 0
    /// Objects with an address at least this were created by the current command; nil before the
    /// first command (nothing is new then).
    private var commandStart: Int?
    /// What the last drawing showed of each mapping, to mark what the last command changed (the
    /// stamps themselves are kept per context, in `entries`).
    var shownMappings = ShownMappings()

    /// Drawings in progress. A drawing runs the program's `__repr__`s, which may create contexts:
    /// those wait in `arrivals` until the drawing ends, so that the entries (and the indices the
    /// drawing keeps into them) never move under it.
    private var drawings = 0
    private var arrivals: [Context] = []

    /// Whether a drawing runs now (the events of its `__repr__`s are not the input's).
    var isDrawing: Bool { drawings > 0 }

    /// Runs `body` as one drawing (see `drawings`); nests.
    func drawing<R>(_ body: () -> R) -> R {
        drawings += 1
        defer {
            drawings -= 1
            if drawings == 0 {
                let waiting = arrivals
                arrivals = []
                for c in waiting { contextCreated(c) }
            }
        }
        return body()
    }

    /// `C1`, `C2`…: every context's number in creation order, for `--short-ids`.
    private(set) var shortIds: [Int: Int] = [:]

    func contextCreated(_ c: Context) {
        if shortIds[c.address] == nil { shortIds[c.address] = shortIds.count + 1 }
        guard drawings == 0 else {
            arrivals.append(c)
            return
        }
        if let last = addresses.last, last >= c.address {
            // Registered late (only the contexts made before the session wired itself up):
            // keep the order by address.
            let at = addresses.firstIndex { $0 > c.address } ?? addresses.count
            guard at == 0 || addresses[at - 1] != c.address else { return }
            entries.insert(Entry(context: c), at: at)
            addresses.insert(c.address, at: at)
        } else {
            entries.append(Entry(context: c))
            addresses.append(c.address)
        }
        createdSinceCommand += 1
        if createdSinceCommand > 4096 { prune() }
    }

    /// Forgets the contexts that are gone.
    private func prune() {
        var kept = 0
        for i in entries.indices where entries[i].context != nil {
            entries.swapAt(kept, i)
            addresses.swapAt(kept, i)
            kept += 1
        }
        entries.removeLast(entries.count - kept)
        addresses.removeLast(addresses.count - kept)
        createdSinceCommand = 0
    }

    /// How many contexts the tracker holds (some may be gone since the last pruning).
    var count: Int { entries.count }

    /// The index of the entry for the context at `address`, by binary search.
    func entry(at address: Int) -> Int? { addresses.sortedIndex(of: address) }

    /// The context of an entry, if it is still alive.
    func context(atEntry i: Int) -> Context? { entries.indices.contains(i) ? entries[i].context : nil }

    func variableCreated(_ v: ContextVar) {
        variables.append(WeakVariable(variable: v))
    }

    func beginCommand(_ session: Session) {
        if drawings == 0 { prune() }
        commandStart = session.runtime.addressWatermark
    }

    /// Whether the current (or last) command created `object`: a context or a task.
    func isNew(_ object: PyObject) -> Bool { commandStart.map { object.address >= $0 } ?? false }

    /// Visits every live context in creation order with its mapping stamp at the last drawing;
    /// `draw` returns the stamp this drawing shows it with, or nil when it does not show it (the
    /// stamp is kept for the next drawing). Returns how many live contexts are not shown. Call it
    /// inside `drawing`: `draw` may run the program's code.
    func visitLive(_ draw: (_ entry: Int, Context, _ shownStamp: Int?) -> Int?) -> Int {
        precondition(drawings > 0, "visitLive outside a drawing")
        var hidden = 0
        // Through the buffer: subscripting the array would copy each entry (and its weak
        // reference) out and back. Nothing changes `entries` during a drawing.
        entries.withUnsafeMutableBufferPointer { buffer in
            guard let entry = buffer.baseAddress else { return }
            for i in 0..<buffer.count {
                guard let c = entry[i].context else { continue }
                entry[i].shownStamp = draw(i, c, entry[i].shownStamp)
                if entry[i].shownStamp == nil { hidden += 1 }
            }
        }
        return hidden
    }

    var liveVariables: [ContextVar] { variables.compactMap(\.variable) }
}
