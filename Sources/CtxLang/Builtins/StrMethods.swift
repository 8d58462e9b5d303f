import CtxCore

extension Interpreter {
    func strMethod(_ s: String, _ name: String) -> Value? {
        let owner = Value.str(s)
        func m(_ body: @escaping (Arguments) throws -> Value) -> Value { method(name, of: owner, body) }
        switch name {
        case "upper": return m { _ in .str(s.uppercased()) }
        case "lower": return m { _ in .str(s.lowercased()) }
        case "title": return m { _ in .str(s.split(separator: " ", omittingEmptySubsequences: false).map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined(separator: " ")) }
        case "capitalize": return m { _ in .str(s.prefix(1).uppercased() + s.dropFirst().lowercased()) }
        case "swapcase": return m { _ in .str(String(s.map { $0.isUppercase ? Character($0.lowercased()) : Character($0.uppercased()) })) }
        case "strip", "lstrip", "rstrip":
            return m { [unowned self] a in
                try a.check(maxPositional: 1)
                let chars: Set<Character> = try a.get(0).flatMap { v -> Set<Character>? in if case .none = v { return nil } else { return Set(try self.expectStr(v, "strip arg")) } } ?? [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}"]
                var sub = Substring(s)
                if name != "rstrip" { while let c = sub.first, chars.contains(c) { sub = sub.dropFirst() } }
                if name != "lstrip" { while let c = sub.last, chars.contains(c) { sub = sub.dropLast() } }
                return .str(String(sub))
            }
        case "split", "rsplit":
            return m { [unowned self] a in
                try a.check(maxPositional: 2, keywords: ["sep", "maxsplit"])
                let sep = try a.get(0, "sep").flatMap { v -> String? in if case .none = v { return nil } else { return try self.expectStr(v, "sep") } }
                let maxsplit = try a.get(1, "maxsplit").map { try self.expectInt($0, "maxsplit") } ?? -1
                return self.list(try self.split(s, sep, maxsplit, fromRight: name == "rsplit").map { .str($0) })
            }
        case "splitlines":
            return m { [unowned self] _ in
                var lines = s.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { Value.str(String($0)) }
                if s.isEmpty || s.last?.isNewline == true { lines.removeLast() }
                return self.list(lines)
            }
        case "join":
            return m { [unowned self] a in
                try a.exactly(1)
                let parts = try self.iterate(a.args[0]).enumerated().map { (i, v) -> String in
                    guard case .str(let p) = v else {
                        throw self.rt.error(.TypeError, "sequence item \(i): expected str instance, \(self.typeName(v)) found")
                    }
                    return p
                }
                return .str(parts.joined(separator: s))
            }
        case "replace":
            return m { [unowned self] a in
                try a.check(maxPositional: 3, minPositional: 2)
                let old = try self.expectStr(a.args[0], "replace() argument 1"), new = try self.expectStr(a.args[1], "replace() argument 2")
                let count = try a.get(2).map { try self.expectInt($0, "count") } ?? -1
                return .str(self.replace(s, old, new, count))
            }
        case "startswith", "endswith":
            return m { [unowned self] a in
                try a.check(maxPositional: 3, minPositional: 1)
                let options = try (a.args[0].asObject as? PyTuple)?.items.map { try self.expectStr($0, name) } ?? [try self.expectStr(a.args[0], "\(name) first arg")]
                return .bool(options.contains { name == "startswith" ? s.hasPrefix($0) : s.hasSuffix($0) })
            }
        case "find", "index", "rfind", "rindex", "count":
            return m { [unowned self] a in
                try a.check(maxPositional: 3, minPositional: 1)
                let sub = try self.expectStr(a.args[0], "must be str")
                let chars = Array(s), needle = Array(sub)
                var hits: [Int] = []
                if needle.isEmpty { hits = Array(0...chars.count) } else if needle.count <= chars.count {
                    var i = 0
                    while i <= chars.count - needle.count {
                        if Array(chars[i..<(i + needle.count)]) == needle {
                            hits.append(i)
                            if name == "count" { i += needle.count; continue }
                        }
                        i += 1
                    }
                }
                switch name {
                case "count": return .int(hits.count)
                case "find": return .int(hits.first ?? -1)
                case "rfind": return .int(hits.last ?? -1)
                default:
                    guard let h = name == "index" ? hits.first : hits.last else { throw self.rt.error(.ValueError, "substring not found") }
                    return .int(h)
                }
            }
        case "isdigit", "isnumeric", "isdecimal": return m { _ in .bool(!s.isEmpty && s.allSatisfy(\.isNumber)) }
        case "isalpha": return m { _ in .bool(!s.isEmpty && s.allSatisfy(\.isLetter)) }
        case "isalnum": return m { _ in .bool(!s.isEmpty && s.allSatisfy { $0.isLetter || $0.isNumber }) }
        case "isspace": return m { _ in .bool(!s.isEmpty && s.allSatisfy(\.isWhitespace)) }
        case "isupper": return m { _ in .bool(s.contains(where: \.isLetter) && !s.contains(where: \.isLowercase)) }
        case "islower": return m { _ in .bool(s.contains(where: \.isLetter) && !s.contains(where: \.isUppercase)) }
        case "isidentifier": return m { _ in .bool(!s.isEmpty && !(s.first!.isNumber) && s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }) }
        case "center", "ljust", "rjust":
            return m { [unowned self] a in
                try a.check(maxPositional: 2, minPositional: 1)
                let width = try self.expectInt(a.args[0], "width")
                let fill = try a.get(1).map { try self.expectStr($0, "fill") } ?? " "
                guard fill.count == 1 else { throw self.rt.error(.TypeError, "The fill character must be exactly one character long") }
                guard width > s.count else { return .str(s) }
                let margin = width - s.count
                // Objects/unicodeobject.c pad(): center puts the odd column on the left when
                // the width is odd too.
                let left = name == "ljust" ? 0 : name == "rjust" ? margin : margin / 2 + (margin & width & 1)
                return .str((try self.padding(fill, left)) + s + (try self.padding(fill, margin - left)))
            }
        case "zfill":
            return m { [unowned self] a in
                try a.exactly(1)
                let w = try self.expectInt(a.args[0], "width")
                let sign = s.first.map { "+-".contains($0) } == true ? String(s.first!) : ""
                let body = sign.isEmpty ? s : String(s.dropFirst())
                return .str(sign + (try self.padding("0", w > s.count ? w - s.count : 0)) + body)
            }
        case "format":
            return m { [unowned self] a in .str(try self.strFormat(s, a.args, a.kwargs)) }
        case "encode": return m { [unowned self] a in try self.encode(s, a) }
        case "partition", "rpartition":
            return m { [unowned self] a in
                try a.exactly(1)
                let sep = try self.expectStr(a.args[0], "sep")
                let range = name == "partition" ? s.range(of: sep) : s.range(of: sep, backwards: true)
                guard let r = range else { return name == "partition" ? self.tuple([.str(s), .str(""), .str("")]) : self.tuple([.str(""), .str(""), .str(s)]) }
                return self.tuple([.str(String(s[..<r.lowerBound])), .str(sep), .str(String(s[r.upperBound...]))])
            }
        case "removeprefix": return m { [unowned self] a in
            let p = try self.expectStr(a.args.first ?? .none, "prefix")
            return .str(s.hasPrefix(p) ? String(s.dropFirst(p.count)) : s)
        }
        case "removesuffix": return m { [unowned self] a in
            let p = try self.expectStr(a.args.first ?? .none, "suffix")
            return .str(s.hasSuffix(p) ? String(s.dropLast(p.count)) : s)
        }
        default: return nil
        }
    }

    func split(_ s: String, _ sep: String?, _ maxsplit: Int, fromRight: Bool) throws -> [String] {
        if let sep {
            if sep.isEmpty { throw rt.error(.ValueError, "empty separator") }
            var parts = s.components(separatedBy: sep)
            if maxsplit >= 0 && parts.count > maxsplit + 1 {
                if fromRight {
                    let head = parts[..<(parts.count - maxsplit)].joined(separator: sep)
                    parts = [head] + parts[(parts.count - maxsplit)...]
                } else {
                    let tail = parts[maxsplit...].joined(separator: sep)
                    parts = Array(parts[..<maxsplit]) + [tail]
                }
            }
            return parts
        }
        var words = s.split(whereSeparator: \.isWhitespace).map(String.init)
        if maxsplit >= 0 && words.count > maxsplit + 1 && !fromRight {
            // Keep the remainder verbatim after the maxsplit-th word.
            var rest = Substring(s)
            var out: [String] = []
            for _ in 0..<maxsplit {
                rest = rest.drop(while: \.isWhitespace)
                let word = rest.prefix(while: { !$0.isWhitespace })
                out.append(String(word))
                rest = rest.dropFirst(word.count)
            }
            out.append(String(rest.drop(while: \.isWhitespace)))
            words = out
        }
        return words
    }

    func replace(_ s: String, _ old: String, _ new: String, _ count: Int) -> String {
        if old.isEmpty { return s }
        var parts = s.components(separatedBy: old)
        if count >= 0 && parts.count - 1 > count {
            let head = parts[...count].joined(separator: new)
            parts = [head] + parts[(count + 1)...]
            return parts.joined(separator: old)
        }
        return parts.joined(separator: new)
    }

    /// `"{} {name!r:>5}".format(...)`.
    func strFormat(_ s: String, _ args: [Value], _ kwargs: [(String, Value)]) throws -> String {
        var out = "", chars = Array(s), i = 0, auto = 0
        while i < chars.count {
            let c = chars[i]
            if c == "{" && i + 1 < chars.count && chars[i + 1] == "{" { out.append("{"); i += 2; continue }
            if c == "}" && i + 1 < chars.count && chars[i + 1] == "}" { out.append("}"); i += 2; continue }
            guard c == "{" else { out.append(c); i += 1; continue }
            guard let close = chars[i...].firstIndex(of: "}") else { throw rt.error(.ValueError, "Single '{' encountered in format string") }
            var field = String(chars[(i + 1)..<close]), spec = "", conv: Character?
            if let colon = field.firstIndex(of: ":") {
                spec = String(field[field.index(after: colon)...])
                field = String(field[..<colon])
            }
            if let bang = field.firstIndex(of: "!") {
                conv = field[field.index(after: bang)...].first
                field = String(field[..<bang])
            }
            var value: Value
            let path = field.split(separator: ".", maxSplits: 1)
            let head = path.first.map(String.init) ?? ""
            if head.isEmpty {
                guard auto < args.count else { throw rt.error(.IndexError, "Replacement index \(auto) out of range for positional args tuple") }
                value = args[auto]
                auto += 1
            } else if let n = Int(head) {
                guard n < args.count else { throw rt.error(.IndexError, "Replacement index \(n) out of range for positional args tuple") }
                value = args[n]
            } else {
                guard let kv = kwargs.first(where: { $0.0 == head }) else { throw PyException(runtime: rt, .KeyError, args: [.str(head)]) }
                value = kv.1
            }
            if path.count > 1 { value = try getAttribute(value, String(path[1])) }
            out += try format(value, conversion: conv, spec: spec)
            i = close + 1
        }
        return out
    }
}

extension String {
    /// Splits on every occurrence of `sep` (which is not empty).
    func components(separatedBy sep: String) -> [String] {
        var parts: [String] = [], rest = Substring(self)
        while let r = rest.range(of: sep) {
            parts.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}

extension StringProtocol {
    func range(of needle: String, backwards: Bool = false) -> Range<Index>? {
        guard !needle.isEmpty else { return nil }
        var i = backwards ? index(endIndex, offsetBy: -needle.count, limitedBy: startIndex) : startIndex
        while let at = i {
            if self[at...].hasPrefix(needle) { return at..<index(at, offsetBy: needle.count) }
            if backwards {
                i = at == startIndex ? nil : index(before: at)
            } else {
                i = at == endIndex ? nil : index(after: at)
            }
        }
        return nil
    }
}
