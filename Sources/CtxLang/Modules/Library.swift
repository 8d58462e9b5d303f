import CtxCore
import Foundation

/// The Python half of ctxlab's standard library: `Sources/CtxLang/Lib/*.py`, embedded in the
/// binary by SwiftPM (`resources: [.embedInCode("Lib")]`), never read from disk at run time.
///
/// Each file is parsed and compiled once per process (the code objects are immutable once
/// compiled, so every interpreter of the process, one per thread or per session, shares them)
/// and run in a fresh module namespace on first import, as CPython's import system runs a
/// module's code once per interpreter. Tracebacks show their lines under
/// `<ctxlab>/Lib/NAME.py`: the file is ctxlab's, not CPython's, and its line numbers are its own.
///
/// Each file names the CPython module whose algorithms it follows. They were written for
/// ctxlab; no CPython code is copied.
enum Library {
    /// Module name → source. One line per module: adding a file here is all it takes.
    static let sources: [String: [UInt8]] = [
        "__future__": PackageResources.__future___py,
        "_ctxlab_clinic": PackageResources._ctxlab_clinic_py,
        "_string": PackageResources._string_py,
        "_collections_abc": PackageResources._collections_abc_py,
        "abc": PackageResources.abc_py,
        "bisect": PackageResources.bisect_py,
        "collections": PackageResources.collections_py,
        "collections.abc": PackageResources.collections_abc_py,
        "contextlib": PackageResources.contextlib_py,
        "copy": PackageResources.copy_py,
        "copyreg": PackageResources.copyreg_py,
        "difflib": PackageResources.difflib_py,
        "dataclasses": PackageResources.dataclasses_py,
        "enum": PackageResources.enum_py,
        "functools": PackageResources.functools_py,
        "gc": PackageResources.gc_py,
        "heapq": PackageResources.heapq_py,
        "inspect": PackageResources.inspect_py,
        "io": PackageResources.io_py,
        "itertools": PackageResources.itertools_py,
        "json": PackageResources.json_py,
        "logging": PackageResources.logging_py,
        "logging.config": PackageResources.logging_config_py,
        "logging.handlers": PackageResources.logging_handlers_py,
        "operator": PackageResources.operator_py,
        "pprint": PackageResources.pprint_py,
        "queue": PackageResources.queue_py,
        "decimal": PackageResources.decimal_py,
        "weakref": PackageResources.weakref_py,
        "random": PackageResources.random_py,
        "re": PackageResources.re_py,
        "string": PackageResources.string_py,
        "test": PackageResources.test_py,
        "test.support": PackageResources.test_support_py,
        "test.support.threading_helper": PackageResources.test_support_threading_helper_py,
        "textwrap": PackageResources.textwrap_py,
        "threading": PackageResources.threading_py,
        "types": PackageResources.types_py,
        "typing": PackageResources.typing_py,
        "unittest": PackageResources.unittest_py,
        "unittest.mock": PackageResources.unittest_mock_py,
        "warnings": PackageResources.warnings_py,
    ]

    static func filename(of module: String) -> String { "<ctxlab>/Lib/\(module).py" }

    /// The module's code, compiled on first use.
    static func code(of module: String) throws -> CodeObject? {
        guard let bytes = sources[module] else { return nil }
        return try cache.code(module) {
            let text = String(decoding: bytes, as: UTF8.self)
            return try Compiler.compile(PythonParser.parseModule(text), filename: filename(of: module))
        }
    }

    /// The source lines, for tracebacks.
    static func lines(of module: String) -> [String]? {
        sources[module].map {
            String(decoding: $0, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
    }

    private static let cache = CodeCache()

    /// Compiled modules, shared by the process's threads. A compile error in a library file is
    /// ctxlab's bug; it is raised (not cached) on every import, so that it is seen.
    private final class CodeCache: @unchecked Sendable {
        private let lock = NSLock()
        private var compiled: [String: CodeObject] = [:]

        func code(_ name: String, compile: () throws -> CodeObject) throws -> CodeObject {
            lock.lock()
            defer { lock.unlock() }
            if let code = compiled[name] { return code }
            let code = try compile()
            compiled[name] = code
            return code
        }
    }
}

extension Interpreter {
    /// Imports a module of `Lib/`: its code runs once, in the module's own namespace, which is
    /// registered before it runs (so that a circular import sees the partly built module).
    func importLibraryModule(_ name: String) throws -> PyModule? {
        guard let code = try Library.code(of: name) else { return nil }
        let m = PyModule(runtime: rt, name: name)
        m.namespace["__file__"] = .str(Library.filename(of: name))
        if sources[Library.filename(of: name)] == nil { sources[Library.filename(of: name)] = Library.lines(of: name) }
        modules[name] = m
        do {
            _ = try runModuleCode(code, namespace: m.namespace)
        } catch {
            modules[name] = nil
            throw error
        }
        return m
    }
}
