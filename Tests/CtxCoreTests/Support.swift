@testable import CtxCore

/// A coroutine written as a list of segments: the code between two suspension points. Each segment
/// returns how it suspends (or `.returned`). A failure thrown into the coroutine propagates unless
/// `onThrow` handles it.
func script(_ name: String, _ segments: [(Runtime) throws -> CoroutineStep],
            onThrow: ((Runtime, PyException) throws -> CoroutineStep)? = nil) -> Coroutine {
    var index = 0
    return StateMachineCoroutine(name: name) { rt, resume in
        if case .failure(let e) = resume {
            guard let handler = onThrow else { throw e }
            return try handler(rt, e)
        }
        let seg = segments[index]
        index += 1
        return try seg(rt)
    }
}

/// A runtime whose printed output is collected in `log`.
final class Harness {
    let rt = Runtime()
    var log: [String] = []
    lazy var loop = EventLoop(runtime: rt)

    init() {
        rt.write = { [unowned self] text, _ in self.log.append(text) }
    }

    func say(_ s: String) { log.append(s) }

    func variable(_ name: String, default d: Value? = nil) -> ContextVar {
        ContextVar(runtime: rt, name: name, default: d)
    }

    /// The string value of `v` in the current context (or its default).
    func get(_ v: ContextVar) -> String {
        guard let value = try? v.get(rt) else { return "<LookupError>" }
        return (try? value.str()) ?? "?"
    }
}

/// Replaces `0x…` addresses by `0x…`, like the conformance suite's normaliser.
func normalised(_ s: String) -> String {
    var out = "", i = s.startIndex
    while i < s.endIndex {
        if s[i...].hasPrefix("0x") {
            out += "0x…"
            i = s.index(i, offsetBy: 2)
            while i < s.endIndex, s[i].isHexDigit { i = s.index(after: i) }
        } else {
            out.append(s[i])
            i = s.index(after: i)
        }
    }
    return out
}

func message(of body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let e as PyException {
        return normalised(e.summaryLine())
    } catch {
        return "\(error)"
    }
}

/// One piece of a `Script` coroutine: suspend like a coroutine step, or `await` another coroutine
/// inline (`yield from`), whose return value the next piece reads from `Script.last`.
enum Piece {
    case step(CoroutineStep)
    case await(Coroutine)
}

/// A coroutine made of pieces of Swift code, able to await sub-coroutines inline as Python's
/// `await coro()` does (no new task, no context switch).
final class Script: Coroutine {
    let name: String
    private var pieces: [(Script) throws -> Piece]
    private let onThrow: ((Script, PyException) throws -> Piece)?
    private var index = 0
    private var inner: Coroutine?
    var last: Value = .none
    private var rt: Runtime!

    init(_ name: String, onThrow: ((Script, PyException) throws -> Piece)? = nil, _ pieces: [(Script) throws -> Piece]) {
        self.name = name
        self.pieces = pieces
        self.onThrow = onThrow
    }

    var reprInfo: String { "\(name)() running" }

    func send(_ rt: Runtime) throws -> CoroutineStep {
        self.rt = rt
        if let i = inner { return try resumeInner { try i.send(rt) } }
        return try next(rt)
    }

    func throwInto(_ rt: Runtime, _ exc: PyException) throws -> CoroutineStep {
        self.rt = rt
        if let i = inner { return try resumeInner { try i.throwInto(rt, exc) } }
        return try handle(rt, exc)
    }

    private func resumeInner(_ body: () throws -> CoroutineStep) throws -> CoroutineStep {
        do {
            switch try body() {
            case .returned(let v):
                inner = nil
                last = v
                return try next(nil)
            case let other: return other
            }
        } catch let e as PyException {
            inner = nil
            return try handle(nil, e)
        }
    }

    private func handle(_ rt: Runtime?, _ e: PyException) throws -> CoroutineStep {
        guard let h = onThrow else { throw e }
        return try run(try h(self, e))
    }

    private func next(_ rt: Runtime?) throws -> CoroutineStep {
        let piece = pieces[index]
        index += 1
        return try run(try piece(self))
    }

    private func run(_ piece: Piece) throws -> CoroutineStep {
        switch piece {
        case .step(let s): return s
        case .await(let c):
            inner = c
            return try resumeInner { try c.send(rt) }
        }
    }
}

