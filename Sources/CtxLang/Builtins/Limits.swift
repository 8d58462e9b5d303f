import BigInt
import CtxCore

/// Where Python's unbounded ints meet Swift's fixed-size ones, and where a program asks for
/// more memory than the machine has: CPython's exceptions, never a Swift trap.
///
/// CPython converts an int to a C size in a handful of ways, each with its own message
/// (`Objects/longobject.c` `PyLong_AsSsize_t`, `Objects/abstract.c` `PyNumber_AsSsize_t`); the
/// helpers below are those conversions. Allocations are sized before they are made: past
/// `memoryLimit` bytes the program gets `MemoryError`, as CPython does when malloc fails (the
/// limit stands in for the machine's memory, so that the failure is a Python exception and not
/// the process being killed; `CTXLAB_MEMORY_LIMIT` raises it).
extension Interpreter {
    /// The bytes one Python-level object (a str, list, tuple, bytes) may take.
    public static let defaultMemoryLimit = 4 << 30

    /// `PyLong_AsSsize_t`: an int that must fit a C `Py_ssize_t` (widths, counts, lengths).
    func ssize(_ v: Value) throws -> Int {
        if let i = intValue(v) { return i }
        if isBigInt(v) { throw rt.error(.OverflowError, "Python int too large to convert to C ssize_t") }
        throw rt.error(.TypeError, "'\(typeName(v))' object cannot be interpreted as an integer")
    }

    /// `PyNumber_AsSsize_t(v, PyExc_OverflowError)` as sequence repetition uses it.
    func repeatCount(_ v: Value) throws -> Int? {
        if let i = intValue(v) { return i }
        if isBigInt(v) { throw rt.error(.OverflowError, "cannot fit 'int' into an index-sized integer") }
        return nil
    }

    /// An int clipped to the Swift range (`PyNumber_AsSsize_t(v, NULL)`: slice bounds).
    func clippedIndex(_ v: Value) -> Int? {
        if let i = intValue(v) { return i }
        if let b = bigValue(v) { return b.sign == .minus ? Int.min : Int.max }
        return nil
    }

    /// Throws MemoryError unless `count` elements of `size` bytes fit the memory limit.
    func reserve(_ count: Int, of size: Int) throws {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: max(1, size))
        if overflow || bytes > memoryLimit { throw rt.error(.MemoryError, "") }
        // A big one must also fit in what the process may still take (`residentMemory`): the
        // allocation would fail (abort) where CPython's malloc returns NULL.
        if bytes >= 1 << 26, let resident = Interpreter.residentMemory, resident.bytes() > resident.limit - bytes {
            throw rt.error(.MemoryError, "")
        }
    }

    /// `items * n` for a list, tuple or bytes (`list_repeat`): sized first, then filled. A
    /// length past the 64-bit range is MemoryError for lists and tuples, and CPython's
    /// OverflowError for bytes.
    func repeated<T>(_ items: [T], _ n: Int) throws -> [T] {
        guard n > 0, !items.isEmpty else { return [] }
        let (total, overflow) = items.count.multipliedReportingOverflow(by: n)
        if overflow {
            if T.self == UInt8.self { throw rt.error(.OverflowError, "repeated bytes are too long") }
            throw rt.error(.MemoryError, "")
        }
        try reserve(total, of: MemoryLayout<T>.stride)
        if items.count == 1 { return Array(repeating: items[0], count: total) }
        var out: [T] = []
        out.reserveCapacity(total)
        for _ in 0..<n { out.append(contentsOf: items) }
        return out
    }

    /// `s * n` (`unicode_repeat`): "repeated string is too long" when the length overflows.
    func repeatedString(_ s: String, _ n: Int) throws -> String {
        guard n > 0, !s.isEmpty else { return "" }
        let (total, overflow) = s.utf8.count.multipliedReportingOverflow(by: n)
        if overflow { throw rt.error(.OverflowError, "repeated string is too long") }
        try reserve(total, of: 1)
        return try repeatedUTF8(s, n)
    }

    /// `String(repeating:count:)` for padding, sized first.
    func padding(_ fill: String, _ n: Int) throws -> String {
        guard n > 0 else { return "" }
        try reserve(n, of: max(1, fill.utf8.count))
        return try repeatedUTF8(fill, n)
    }

    /// `n` copies of `s`, as `unicode_repeat` makes them: the bytes of `s` once, then the filled
    /// part copied onto the rest, doubling, in chunks of at most 64 MiB with an interrupt poll
    /// between them. (`String(repeating:count:)` appends one copy at a time: 8.5 s for
    /// 200,000,000 spaces, where this takes a quarter of a second, and it cannot be interrupted.)
    /// The caller has sized `s.utf8.count * n` against the memory limit.
    private func repeatedUTF8(_ s: String, _ n: Int) throws -> String {
        let pattern = Array(s.utf8)
        let total = pattern.count * n
        // Whole copies of the pattern only, so that what is filled always ends on a copy's end.
        let chunk = Swift.max(1, (64 << 20) / pattern.count) * pattern.count
        var interrupted: Error?
        let out = String(unsafeUninitializedCapacity: total) { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            pattern.withUnsafeBufferPointer { base.update(from: $0.baseAddress!, count: pattern.count) }
            var filled = pattern.count
            while filled < total {
                let k = Swift.min(filled, total - filled, chunk)
                (base + filled).update(from: base, count: k)
                filled += k
                if filled < total {
                    do { try pollInterrupt() } catch { interrupted = error; return 0 }
                }
            }
            return total
        }
        if let interrupted { throw interrupted }
        return out
    }
}
