#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Releases nested containers without recursion (CPython: the "trashcan",
/// `Py_TRASHCAN_BEGIN` in `Include/cpython/object.h`).
///
/// Freeing a list nested six million deep would otherwise recurse once per level (each deinit
/// releases the next list) and overflow the stack. A container's deinit hands its storage to
/// `release`: the outermost call drops it; the deinits that this triggers find a release in
/// progress on their thread and only park their own storage in `pending`, which the outermost
/// call then drops one batch at a time. The depth of native recursion stays one level.
public enum Teardown {
    final class State {
        var active = false
        var pending: [Any] = []
    }

    /// Per thread: sessions run on several threads at once in the tests.
    nonisolated(unsafe) private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<State>.fromOpaque(pointer).release() }
        }
        return key
    }()

    private static var state: State {
        if let p = pthread_getspecific(key) { return Unmanaged<State>.fromOpaque(p).takeUnretainedValue() }
        let s = State()
        pthread_setspecific(key, Unmanaged.passRetained(s).toOpaque())
        return s
    }

    /// Takes a dying container's storage (leaving `empty` in its place) and releases it.
    public static func release<Storage>(_ storage: inout Storage, empty: Storage) {
        let s = state
        if s.active {
            s.pending.append(storage)
            storage = empty
            return
        }
        s.active = true
        var held: Any = storage
        storage = empty
        held = ()
        while let next = s.pending.popLast() {
            held = next
            held = ()
        }
        _ = held
        s.active = false
    }
}
