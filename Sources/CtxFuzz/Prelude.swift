/// Definitions that edge values refer to (`_W()`, `_deep`, `_cv`…), included once at the top of a
/// case that uses them, in a fixed order.
struct Prelude {
    enum Snippet: Int, CaseIterable, Comparable {
        case imports, weird, huge, raiser, selfish, selfReferential, deep, generator, contextVar, context,
             coroutine, exceptionClass

        static func < (a: Snippet, b: Snippet) -> Bool { a.rawValue < b.rawValue }

        var text: String {
            switch self {
            case .imports:
                return ""  // the modules themselves are in `modules`
            case .weird:
                return """
                class _W:
                    def __len__(self): return -1
                    def __index__(self): return 2**63
                    def __int__(self): return 2**100
                    def __float__(self): return 'x'
                    def __hash__(self): return 2**64
                    def __eq__(self, o): raise ValueError('eq')
                    def __lt__(self, o): return _W()
                    def __repr__(self): return 42
                    def __str__(self): return None
                    def __iter__(self): return self
                    def __next__(self): raise StopIteration
                    def __bool__(self): return 2
                    def __getitem__(self, i): return i
                    def __format__(self, spec): return spec * 3
                    def __call__(self, *a, **k): return self

                """
            case .huge:
                return """
                class _H:
                    def __len__(self): return 2**63
                    def __index__(self): return 2**63 - 1
                    def __int__(self): return -2**63
                    def __float__(self): return float('nan')
                    def __hash__(self): return -1
                    def __round__(self, n=None): return 10**100
                    def __getitem__(self, i):
                        if i > 5: raise IndexError(i)
                        return i
                    def __eq__(self, o): return self is o

                """
            case .raiser:
                return """
                class _R:
                    def __len__(self): raise RuntimeError('len')
                    def __index__(self): raise RuntimeError('index')
                    def __hash__(self): raise RuntimeError('hash')
                    def __eq__(self, o): raise RuntimeError('eq')
                    def __lt__(self, o): raise RuntimeError('lt')
                    def __repr__(self): raise RuntimeError('repr')
                    def __str__(self): raise RuntimeError('str')
                    def __iter__(self): raise RuntimeError('iter')
                    def __bool__(self): raise RuntimeError('bool')
                    def __format__(self, spec): raise RuntimeError('format')
                    def __getattr__(self, name): raise RuntimeError(name)

                """
            case .selfish:
                return """
                class _S:
                    def __iter__(self): return self
                    def __next__(self): return self
                    def __getitem__(self, i): return self
                    def __index__(self): return 1
                    def __len__(self): return 1
                    def __eq__(self, o): return self
                    def __bool__(self): return True
                    def __repr__(self): return repr([self]) if len(self) else ''

                """
            case .selfReferential:
                return "_self = [1]\n_self.append(_self)\n_selfd = {}\n_selfd['k'] = _selfd\n"
            case .deep:
                return "_deep = []\nfor _ in range(3000):\n    _deep = [_deep]\n_deepd = {}\nfor _ in range(3000):\n    _deepd = {'k': _deepd}\n"
            case .generator:
                return "def _gen():\n    yield 1\n    yield 2\n"
            case .contextVar:
                return "_cv = contextvars.ContextVar('_cv', default=None)\n_tok = _cv.set(1)\n"
            case .context:
                return "_ctx = contextvars.copy_context()\n"
            case .coroutine:
                return "async def _coro(x=None):\n    await asyncio.sleep(0)\n    return x\n"
            case .exceptionClass:
                return "class _E(Exception):\n    def __str__(self): return 'e' * 100000\n"
            }
        }

        /// Snippets this one needs first.
        var needs: [Snippet] {
            switch self {
            default: return []
            }
        }
    }

    private(set) var used: Set<Snippet> = []
    /// Modules beyond `.imports` (those the surface found), imported first.
    private(set) var modules: Set<String> = []

    mutating func use(_ s: Snippet) {
        used.insert(s)
        for n in s.needs { used.insert(n) }
        switch s {
        case .contextVar, .context: importModule("contextvars")
        case .coroutine: importModule("asyncio")
        default: break
        }
    }

    mutating func importModule(_ name: String) {
        modules.insert(name == "concurrent" ? "concurrent.futures" : name)
    }

    static let standardModules = ["asyncio", "contextvars", "threading", "functools", "sys", "time", "uuid", "concurrent.futures"]

    /// Imports the standard modules that `text` uses (`asyncio.` and so on): importing asyncio
    /// costs a case more than most cases cost, so only cases that use it pay.
    mutating func importModules(usedIn text: String) {
        for m in Self.standardModules where text.contains(m + ".") { importModule(m) }
    }

    var text: String { modules.sorted().map { "import \($0)\n" }.joined() + used.sorted().map(\.text).joined() }
}
