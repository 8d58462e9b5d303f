import CtxCore

/// The built-ins behind PEP 695's syntax (Parser+TypeParams.swift writes calls to them; their
/// names begin with a dot, so no program can name them): `.type_param` makes a type parameter,
/// `.generic_base` the `Generic[T, …]` a generic class gets as its last base, `.type_alias` a
/// `typing.TypeAliasType` whose value is evaluated on first use. CPython makes them with
/// intrinsics (Python/intrinsics.c); ctxlab's live in Lib/typing.py.
extension Interpreter {
    func installTypeParamBuiltins() {
        for (name, helper) in [(".type_param", "_type_param"), (".generic_base", "_generic_base")] {
            builtins[name] = function(name) { [unowned self] a in
                try self.call(try self.getAttribute(.object(try self.importModule("typing")), helper), a.args)
            }
        }
        builtins[".type_alias"] = function(".type_alias") { [unowned self] a in
            let module = self.frameGlobalsName().map { Value.str($0) } ?? .none
            return try self.call(try self.getAttribute(.object(try self.importModule("typing")), "_type_alias"), a.args + [module])
        }
    }
}
