import BigInt
import CtxCore

#if canImport(Glibc)
    import Glibc
#endif

/// `time.gmtime`, `time.localtime`, `time.strftime`, `time.time_ns` and `struct_time`
/// (CPython's Modules/timemodule.c). ctxlab's clock is virtual (it starts at 2026-01-01 00:00
/// UTC) and its local time zone is UTC, so that every run prints the same times.
extension Interpreter {
    func addTimeFormatting(to m: PyModule) {
        m.namespace["time_ns"] = function("time_ns") { [unowned self] a in
            try a.exactly(0)
            // The virtual clock can be far in the future (a sleep of 10**19 s): an int of any size.
            let ns = ((1_767_225_600 + self.rt.readClock()) * 1e9).rounded(.towardZero)
            if let i = Int(exactly: ns) { return .int(i) }
            guard ns.isFinite else { throw self.rt.error(.OverflowError, "timestamp too large to convert to C _PyTime_t") }
            return self.intResult(BigInt(ns))
        }
        for name in ["gmtime", "localtime"] {
            m.namespace[name] = function(name) { [unowned self] a in
                try a.check(maxPositional: 1)
                let seconds: Double
                if let v = a.args.first, !v.isIdentical(.none) {
                    seconds = try self.expectFloat(v)
                } else {
                    seconds = 1_767_225_600 + self.rt.readClock()
                }
                return self.structTime(try self.brokenDown(seconds))
            }
        }
        m.namespace["strftime"] = function("strftime") { [unowned self] a in
            try a.check(maxPositional: 2, minPositional: 1)
            let format = try self.expectStr(a.args[0], "strftime() argument 1")
            var t = a.args.count > 1
                ? try self.tmValue(a.args[1])
                : try self.brokenDown(1_767_225_600 + self.rt.readClock())
            return .str(formatTime(format, &t))
        }
        m.namespace["timezone"] = .int(0)
        m.namespace["altzone"] = .int(0)
        m.namespace["daylight"] = .int(0)
        m.namespace["tzname"] = tuple([.str("UTC"), .str("UTC")])
    }

    /// UTC broken-down time of `seconds` since the epoch (CPython's OverflowError past time_t's
    /// and the calendar's range).
    func brokenDown(_ seconds: Double) throws -> tm {
        guard seconds.isFinite, abs(seconds) < 1e15 else {
            throw rt.error(.OverflowError, "timestamp out of range for platform time_t")
        }
        var clock = time_t(seconds.rounded(.down))
        var t = tm()
        gmtime_r(&clock, &t)
        return t
    }

    private static let structTimeFields = [
        "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
    ]

    /// A `time.struct_time`: named fields, and indexable as its 9-tuple.
    private func structTime(_ t: tm) -> Value {
        let values = [Int(t.tm_year) + 1900, Int(t.tm_mon) + 1, Int(t.tm_mday), Int(t.tm_hour), Int(t.tm_min),
                      Int(t.tm_sec), (Int(t.tm_wday) + 6) % 7, Int(t.tm_yday) + 1, Int(t.tm_isdst)]
        let o = NativeObject(runtime: rt, cls: classes.named("time.struct_time"))
        for (name, v) in zip(Self.structTimeFields, values) { o.attributes[name] = .int(v) }
        o.attributes["tm_zone"] = .str("UTC")
        o.attributes["tm_gmtoff"] = .int(0)
        o.attributes["__tuple__"] = tuple(values.map { .int($0) })
        o.reprBody = {
            "time.struct_time(" + zip(Self.structTimeFields, values).map { "\($0)=\($1)" }.joined(separator: ", ") + ")"
        }
        return .object(o)
    }

    /// A `tm` from a struct_time or a 9-tuple (strftime's second argument).
    private func tmValue(_ v: Value) throws -> tm {
        let items: [Value]
        if case .object(let o as NativeObject) = v, case .object(let t as PyTuple)? = o.attributes["__tuple__"] {
            items = t.items
        } else if case .object(let t as PyTuple) = v {
            items = t.items
        } else {
            throw rt.error(.TypeError, "Tuple or struct_time argument required")
        }
        guard items.count == 9 else { throw rt.error(.TypeError, "time.struct_time() takes a sequence of length 9") }
        let n = try items.map { try expectInt($0, "struct_time field") }
        guard (1...12).contains(n[1]) || n[1] == 0, n.allSatisfy({ abs($0) < 1 << 31 }) else {
            throw rt.error(.ValueError, "month out of range")
        }
        var t = tm()
        t.tm_year = Int32(n[0] - 1900)
        t.tm_mon = Int32(max(n[1], 1) - 1)
        t.tm_mday = Int32(max(n[2], 1))
        t.tm_hour = Int32(n[3])
        t.tm_min = Int32(n[4])
        t.tm_sec = Int32(n[5])
        t.tm_wday = Int32((n[6] + 1) % 7)
        t.tm_yday = Int32(max(n[7], 1) - 1)
        t.tm_isdst = Int32(n[8])
        return t
    }
}



/// C's strftime in the C locale, with a buffer that grows for long formats.
private func formatTime(_ format: String, _ t: inout tm) -> String {
    guard !format.isEmpty else { return "" }
    var size = 256
    while size <= 1 << 20 {
        var buffer = [CChar](repeating: 0, count: size)
        let n = strftime(&buffer, size, format, &t)
        if n > 0 { return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        size *= 4
    }
    return ""
}
