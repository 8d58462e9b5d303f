/// Makes case K of a seed: deterministic, independent of every other case.
///
/// The mix (by weight): mutations of the corpus (programs and lesson sessions), edge-value calls
/// of the whole API surface, contextvars/asyncio scenarios, REPL session scripts, stress
/// programs (recursion, nesting, sizes, endless loops), and the known crash inputs.
public struct CaseGenerator: Sendable {
    public let seed: UInt64
    public let corpus: Corpus
    public let surface: APISurface

    public init(seed: UInt64, corpus: Corpus, surface: APISurface) {
        self.seed = seed
        self.corpus = corpus
        self.surface = surface
    }

    enum Family: String {
        case mutation, edgeCalls, scenario, session, stress, known
    }

    public func makeCase(_ index: UInt64) -> FuzzCase {
        var r = FuzzRandom(seed: seed, index: index)
        var prelude = Prelude()
        let calls = EdgeCalls(surface: surface)
        let family = r.weighted([(40, Family.mutation), (32, .edgeCalls), (12, .scenario), (10, .session), (5, .stress), (1, .known)])
        var mode: FuzzCase.Mode = r.chance(0.2) ? .session : .program
        var budget = FuzzCase.defaultPollBudget
        var body: String
        var origin = family.rawValue
        switch family {
        case .mutation where !corpus.seeds.isEmpty:
            let seedProgram = r.pick(corpus.seeds)
            mode = seedProgram.mode == .session ? (r.chance(0.9) ? .session : .program) : (r.chance(0.25) ? .session : .program)
            let (bytes, kinds) = Mutator(corpus: corpus, calls: calls).mutate(Array(seedProgram.text.utf8), &r, &prelude)
            let header = Array(prelude.text.utf8)
            return FuzzCase(mode: mode, body: header + bytes, pollBudget: budget, width: width(&r),
                            origin: "mutation of \(seedProgram.name): " + kinds.map(\.rawValue).joined(separator: ", "))
        case .mutation, .edgeCalls:
            body = Assembler.program(calls.statements(&r, &prelude), prelude: prelude, mode: mode)
            origin = Family.edgeCalls.rawValue
        case .scenario:
            var statements: [Statement] = []
            for _ in 0..<r.geometric(max: 4) {
                let (s, b) = Scenarios.statement(&r, &prelude)
                statements.append(s)
                budget = max(budget, b)
            }
            body = Assembler.program(statements, prelude: prelude, mode: mode)
        case .session:
            mode = .session
            (body, budget) = SessionScripts.script(&r, &prelude, calls: calls)
            prelude.importModules(usedIn: body)
            body = prelude.text + body
        case .stress:
            (body, budget) = Stress.program(&r, &prelude)
            prelude.importModules(usedIn: body)
            body = prelude.text + body
        case .known:
            body = r.pick(KnownCrashes.programs) + "\n"
            budget = 20_000
        }
        return FuzzCase(mode: mode, body: Array(body.utf8), pollBudget: budget, width: width(&r), origin: origin)
    }

    /// The tree's width: mostly 80, sometimes the extremes `COLUMNS` allows.
    func width(_ r: inout FuzzRandom) -> Int {
        r.chance(0.8) ? 80 : r.pick([1, 2, 7, 20, 40, 132, 1000])
    }
}

/// Inputs that crashed ctxlab once: always part of the mix, so that a regression shows at once.
enum KnownCrashes {
    static let programs = [
        "chr(2**63)", "chr(-2**63)", "int('0x10', 0)", "int('1' * 30, 0)", "hash(-2**63)", "round(1, -2**63)",
        "'a'.ljust(-2**63)", "f'{1:{2**63-1}}'", "len(range(-2**63, 2**63-1))", "'%5' % 3", "'%(x)s' % {}",
        "'a' * 10**18", "[0] * 10**10", "[0] * 2**62",
        "a = []\nfor _ in range(6 * 10**6):\n    a = [a]\na = None",
        "import asyncio\nasync def m():\n    await asyncio.gather(asyncio.current_task())\nasyncio.run(m())",
        "import asyncio\nasync def m():\n    await asyncio.sleep(1e9)\nasyncio.run(m())",
        "import asyncio\nasync def m():\n    await asyncio.sleep(float('inf'))\nasyncio.run(m())",
        "import asyncio\nasync def m():\n    await asyncio.sleep(float('nan'))\nasyncio.run(m())",
        "def f(): return f()\nf()",
        "print(sum(range(10**15)))",
    ]
}
