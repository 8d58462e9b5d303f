import CtxCore

extension Interpreter {
    /// `exit` and `quit`, the objects `site` adds to builtins (CPython: `Lib/_sitebuiltins.py`,
    /// class `Quitter`): the repr says how to leave; a call raises `SystemExit(code)`.
    func installSiteBuiltins() {
        let quitter = PyClass(runtime: rt, name: "Quitter", module: "_sitebuiltins", bases: [classes.object])
        quitter.namespace["__repr__"] = builtin("__repr__") { args, _ in
            guard let me = args.first?.asObject as? PyInstance, case .str(let name)? = me[attribute: "name"],
                  case .str(let eof)? = me[attribute: "eof"] else { return .str("Use exit() or Ctrl-D (i.e. EOF) to exit") }
            return .str("Use \(name)() or \(eof) to exit")
        }
        quitter.namespace["__call__"] = builtin("__call__") { [unowned self] args, kwargs in
            if args.count > 2 { throw self.rt.error(.TypeError, "Quitter.__call__() takes from 1 to 2 positional arguments but \(args.count) were given") }
            if let k = kwargs.first, k.0 != "code" { throw self.rt.error(.TypeError, "Quitter.__call__() got an unexpected keyword argument '\(k.0)'") }
            let code = args.count > 1 ? args[1] : kwargs.first?.1 ?? .none
            throw PyException(runtime: self.rt, .SystemExit, args: [code])
        }
        for name in ["exit", "quit"] {
            let q = PyInstance(runtime: rt, cls: quitter)
            q[attribute: "name"] = .str(name)
            q[attribute: "eof"] = .str("Ctrl-D (i.e. EOF)")
            builtins[name] = .object(q)
        }
    }
}
