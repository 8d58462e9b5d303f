/// Edge-value calls: every builtin, module function and method of the surface, called with
/// arguments from `EdgeValues`, plus operators, subscripts and formatting on edge values.
struct EdgeCalls {
    let surface: APISurface

    /// A few guarded calls of one family.
    func statements(_ r: inout FuzzRandom, _ prelude: inout Prelude) -> [Statement] {
        let count = r.geometric(max: 6)
        return (0..<count).map { _ in statement(&r, &prelude) }
    }

    func statement(_ r: inout FuzzRandom, _ prelude: inout Prelude) -> Statement {
        switch r.weighted([(10, 0), (10, 1), (4, 2), (4, 3), (4, 4)]) {
        case 0: return builtinCall(&r, &prelude)
        case 1: return methodCall(&r, &prelude)
        case 2: return moduleCall(&r, &prelude)
        case 3: return Operators.statement(&r, &prelude)
        default: return Formatting.statement(&r, &prelude)
        }
    }

    /// `name(args)` for a builtin of the running interpreter.
    func builtinCall(_ r: inout FuzzRandom, _ prelude: inout Prelude) -> Statement {
        guard !surface.builtins.isEmpty else { return Operators.statement(&r, &prelude) }
        var name = r.pick(surface.builtins)
        // Exception classes are a third of the builtins: call them less often.
        if name.first?.isUppercase == true && r.chance(0.7) { name = r.pick(surface.builtins) }
        let call = "\(name)(\(arguments(&r, &prelude)))"
        prelude.importModules(usedIn: call)
        return Statement.guarded(["_r = " + call] + consume(&r, isAsync: false), isAsync: false, report: r.chance(0.3))
    }

    /// `receiver.method(args)` for a method the interpreter confirmed on a sample of the kind.
    func methodCall(_ r: inout FuzzRandom, _ prelude: inout Prelude) -> Statement {
        guard !surface.methods.isEmpty else { return builtinCall(&r, &prelude) }
        let (kind, names) = r.pick(surface.methods)
        let receiver = r.chance(0.8) ? r.pick(kind.samples) : kind.samples[0]
        let name = r.pick(names)
        var body = ["_o = " + receiver, "_r = _o.\(name)"]
        if r.chance(0.9) { body.append("_r = _r(\(arguments(&r, &prelude)))") }
        if r.chance(0.3) { body.append("_r = _o.\(r.pick(names))(\(arguments(&r, &prelude)))") }
        let isAsync = kind.isAsync || r.chance(0.1)
        body += consume(&r, isAsync: isAsync)
        prelude.importModules(usedIn: body.joined(separator: "\n"))
        return Statement.guarded(body, isAsync: isAsync, report: r.chance(0.3))
    }

    /// `module.name(args)`.
    func moduleCall(_ r: inout FuzzRandom, _ prelude: inout Prelude) -> Statement {
        let modules = surface.modules.filter { !$0.attributes.isEmpty }
        guard !modules.isEmpty else { return builtinCall(&r, &prelude) }
        let (module, names) = r.pick(modules)
        prelude.importModule(module)
        let name = r.pick(names)
        var body = ["_r = \(module).\(name)"]
        if r.chance(0.9) { body.append("_r = _r(\(arguments(&r, &prelude)))") }
        // asyncio's functions mostly need a running loop.
        let isAsync = module == "asyncio" ? r.chance(0.85) : r.chance(0.1)
        body += consume(&r, isAsync: isAsync)
        return Statement.guarded(body, isAsync: isAsync, report: r.chance(0.3))
    }

    /// Zero to four edge arguments, sometimes keywords and unpacking.
    func arguments(_ r: inout FuzzRandom, _ prelude: inout Prelude) -> String {
        var args: [String] = []
        let n = r.weighted([(1, 0), (4, 1), (4, 2), (2, 3), (1, 4)])
        for _ in 0..<n { args.append(EdgeValues.any(&r, &prelude)) }
        if r.chance(0.2) {
            for _ in 0..<r.geometric(max: 2) { args.append("\(r.pick(EdgeValues.keywords))=\(EdgeValues.any(&r, &prelude))") }
        }
        if r.chance(0.05) { args.append("*" + EdgeValues.any(&r, &prelude)) }
        if r.chance(0.03) { args.append("**" + r.pick(["{'a': 1}", "{}", "{'key': None}", EdgeValues.any(&r, &prelude)])) }
        return args.joined(separator: ", ")
    }

    /// What to do with a result: look at it the ways a program would.
    func consume(_ r: inout FuzzRandom, isAsync: Bool) -> [String] {
        var lines: [String] = []
        if isAsync && r.chance(0.5) { lines.append(r.chance(0.5) ? "_r = await _r" : "_r = await asyncio.wait_for(_r, 5)") }
        let uses = [
            "print(repr(_r)[:300])", "print(_r)", "str(_r)", "hash(_r)", "len(_r)", "list(_r)[:5]", "bool(_r)",
            "_r == _r", "f'{_r}'", "sorted(_r)", "_r[0]", "repr(_r)", "iter(_r)", "format(_r, '>5')", "{_r: 1}",
            "_r + _r", "_r * 2", "[*_r][:3]", "print(type(_r).__name__)", "dir(_r)",
        ]
        for _ in 0..<r.below(3) { lines.append(r.pick(uses)) }
        return lines
    }
}
