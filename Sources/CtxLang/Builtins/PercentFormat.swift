import BigInt
import CtxCore

/// `format % args`, printf-style formatting (CPython: `Objects/unicodeobject.c`,
/// `PyUnicode_Format` and `unicode_format_arg_parse` / `unicode_format_arg_format`): mapping keys
/// `%(name)s`, flags `-+ #0`, `*` widths and precisions, the length modifiers `hlL` (ignored), and
/// the conversions `s r a d i u o x X e E f F g G c %`, with CPython's error texts.
struct PercentSpec {
    var key: String?
    var leftAlign = false, sign: Character?, alternate = false, zeroPad = false
    var width: Int?
    var precision: Int?
    var conversion: Character = "s"
}

extension Interpreter {
    func percentFormat(_ format: String, _ args: Value) throws -> String {
        let chars = Array(format)
        let tuple = (args.asObject as? PyTuple)?.items
        let isMapping = args.asObject is PyDict || (args.asObject as? PyInstance)?.cls.lookup("__getitem__") != nil
        let mapping: Value? = tuple == nil && isMapping ? args : nil
        var positional = tuple ?? [args]
        var usedSingle = false
        var out = ""
        var i = 0
        func nextArg() throws -> Value {
            if tuple == nil {
                guard !usedSingle else { throw rt.error(.TypeError, "not enough arguments for format string") }
                usedSingle = true
                return args
            }
            guard !positional.isEmpty else { throw rt.error(.TypeError, "not enough arguments for format string") }
            return positional.removeFirst()
        }
        while i < chars.count {
            guard chars[i] == "%" else {
                out.append(chars[i])
                i += 1
                continue
            }
            let start = i
            i += 1
            if i < chars.count, chars[i] == "%" {  // "%%" alone is a literal percent sign
                out.append("%")
                i += 1
                continue
            }
            var spec = PercentSpec()
            if i < chars.count, chars[i] == "(" {
                var depth = 1, j = i + 1
                while j < chars.count, depth > 0 {
                    if chars[j] == "(" { depth += 1 } else if chars[j] == ")" { depth -= 1 }
                    j += 1
                }
                guard depth == 0 else { throw rt.error(.ValueError, "incomplete format key") }
                spec.key = String(chars[(i + 1)..<(j - 1)])
                i = j
            }
            while i < chars.count, let f = Optional(chars[i]), "-+ #0".contains(f) {
                switch f {
                case "-": spec.leftAlign = true
                case "+": spec.sign = "+"
                case " ": if spec.sign == nil { spec.sign = " " }
                case "#": spec.alternate = true
                default: spec.zeroPad = true
                }
                i += 1
            }
            spec.width = try number(chars, &i, "width", args: nextArg, spec: &spec)
            if i < chars.count, chars[i] == "." {
                i += 1
                spec.precision = try number(chars, &i, "precision", args: nextArg, spec: &spec) ?? 0
            }
            while i < chars.count, "hlL".contains(chars[i]) { i += 1 }
            guard i < chars.count else { throw rt.error(.ValueError, "incomplete format") }
            spec.conversion = chars[i]
            i += 1
            let value: Value
            if let key = spec.key {
                guard let mapping else { throw rt.error(.TypeError, "format requires a mapping") }
                value = try getItem(mapping, .str(key))
            } else {
                value = try nextArg()
            }
            out += try formatPercentArg(value, spec, index: start + (i - start - 1))
        }
        if tuple != nil, !positional.isEmpty, mapping == nil {
            throw rt.error(.TypeError, "not all arguments converted during string formatting")
        }
        if tuple == nil, !usedSingle, mapping == nil {
            throw rt.error(.TypeError, "not all arguments converted during string formatting")
        }
        return out
    }

    /// A width or precision: digits, or `*` taken from the arguments (a negative `*` width
    /// left-aligns).
    private func number(_ chars: [Character], _ i: inout Int, _ what: String, args: () throws -> Value,
                        spec: inout PercentSpec) throws -> Int? {
        if i < chars.count, chars[i] == "*" {
            i += 1
            let v = try args()
            guard let n = intValue(v) else {
                if isBigInt(v) { throw rt.error(.OverflowError, "Python int too large to convert to C int") }
                throw rt.error(.TypeError, "* wants int")
            }
            guard n >= Int(Int32.min), n <= Int(Int32.max) else { throw rt.error(.OverflowError, "Python int too large to convert to C int") }
            if what == "width" && n < 0 {
                spec.leftAlign = true
                return -n
            }
            return what == "precision" && n < 0 ? 0 : n
        }
        var digits = ""
        while i < chars.count, let d = chars[i].asciiValue, (48...57).contains(d) {
            digits.append(chars[i])
            i += 1
        }
        guard !digits.isEmpty else { return nil }
        guard let n = Int(digits) else { throw rt.error(.ValueError, "\(what) too big") }
        return n
    }

    private func formatPercentArg(_ v: Value, _ spec: PercentSpec, index: Int) throws -> String {
        let c = spec.conversion
        switch c {
        case "s", "r", "a":
            var text = c == "s" ? try str(v) : c == "r" ? try repr(v) : asciiEscaped(try repr(v))
            if let p = spec.precision, p < text.codePointCount { text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(p))) }
            return try justify(text, spec, numeric: false)
        case "d", "i", "u", "o", "x", "X":
            let n: BigInt
            if let b = bigValue(v) {
                n = b
            } else if case .float(let d) = v, "diu".contains(c) {
                try checkIntegralConvertible(d)
                n = BigInt(d.rounded(.towardZero))
            } else {
                let need = "diu".contains(c) ? "a real number" : "an integer"
                throw rt.error(.TypeError, "%\(c) format: \(need) is required, not \(typeName(v))")
            }
            let radix = c == "o" ? 8 : (c == "x" || c == "X") ? 16 : 10
            var digits = radix == 10 ? (try IntText.decimal(BigInt(n.magnitude), limit: rt.intMaxStrDigits, poll: pollInterrupt) ?? "") : String(n.magnitude, radix: radix, uppercase: c == "X")
            if radix == 10, digits.isEmpty { throw rt.error(.ValueError, IntText.tooManyDigits(nil, limit: rt.intMaxStrDigits)) }
            if let p = spec.precision, p > digits.count { digits = (try padding("0", p - digits.count)) + digits }
            let prefix = spec.alternate && radix != 10 ? (c == "o" ? "0o" : c == "x" ? "0x" : "0X") : ""
            let sign = n.sign == .minus && !n.isZero ? "-" : spec.sign.map(String.init) ?? ""
            return try justify(digits, spec, numeric: true, sign: sign + prefix)
        case "e", "E", "f", "F", "g", "G":
            let d = try expectFloat(v)
            var pyspec = spec.leftAlign ? "<" : ""
            if let s = spec.sign { pyspec.append(s) }
            if spec.alternate { pyspec += "#" }
            if spec.zeroPad && !spec.leftAlign { pyspec += "0" }
            if let w = spec.width { pyspec += String(w) }
            pyspec += ".\(spec.precision ?? 6)" + String(c)
            return try format(.float(d), conversion: nil, spec: pyspec)
        case "c":
            let text: String
            if case .str(let s) = v {
                guard s.codePointCount == 1 else { throw rt.error(.TypeError, "%c requires int or char") }
                text = s
            } else if let b = bigValue(v) {
                guard let u = UInt32(exactly: b).flatMap(Unicode.Scalar.init) else { throw rt.error(.OverflowError, "%c arg not in range(0x110000)") }
                text = String(Character(u))
            } else {
                throw rt.error(.TypeError, "%c requires int or char")
            }
            return try justify(text, spec, numeric: false)
        default:
            let code = c.unicodeScalars.first.map { String($0.value, radix: 16) } ?? "0"
            let shown = c.unicodeScalars.first.map { $0.value < 0x7F && $0.value >= 0x20 } == true ? String(c) : "?"
            // ('%' after flags or a width is a conversion: CPython takes an argument first.)
            throw rt.error(.ValueError, "unsupported format character '\(shown)' (0x\(code)) at index \(index)")
        }
    }

    /// Pads to the width: left with `-`, zeros after the sign with `0` (numbers only), else right.
    private func justify(_ body: String, _ spec: PercentSpec, numeric: Bool, sign: String = "") throws -> String {
        let length = sign.count + body.codePointCount
        guard let width = spec.width, width > length else { return sign + body }
        let n = width - length
        if spec.leftAlign { return sign + body + (try padding(" ", n)) }
        if spec.zeroPad && numeric { return sign + (try padding("0", n)) + body }
        return (try padding(" ", n)) + sign + body
    }
}
