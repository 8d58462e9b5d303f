/// An exception class: its name, the module it is shown under, and its base.
///
/// The built-in hierarchy is a catalogue of constants; a program's own exception classes are new
/// instances with a built-in or user class as `base`.
public final class ExceptionType: Sendable {
    public let name: String
    /// The module `traceback` prints before the name; nil for `builtins` and `__main__`.
    public let module: String?
    public let base: ExceptionType?
    /// A second base (`ExceptionGroup` derives from both `BaseExceptionGroup` and `Exception`).
    public let secondBase: ExceptionType?
    /// The exception bases after the second, of a class with several
    /// (`class Underflow(Inexact, Rounded, Subnormal)`).
    public let otherBases: [ExceptionType]

    public init(_ name: String, module: String? = nil, base: ExceptionType?, secondBase: ExceptionType? = nil,
                otherBases: [ExceptionType] = []) {
        self.name = name
        self.module = module
        self.base = base
        self.secondBase = secondBase
        self.otherBases = otherBases
    }

    /// The name as the last line of a traceback shows it (`asyncio.exceptions.CancelledError`).
    public var qualifiedName: String { module.map { "\($0).\(name)" } ?? name }

    public func isSubclass(of other: ExceptionType) -> Bool {
        var t: ExceptionType? = self
        while let c = t {
            if c === other { return true }
            if let second = c.secondBase, second.isSubclass(of: other) { return true }
            for b in c.otherBases where b.isSubclass(of: other) { return true }
            t = c.base
        }
        return false
    }
}

extension ExceptionType {
    public static let BaseException = ExceptionType("BaseException", base: nil)
    public static let SystemExit = ExceptionType("SystemExit", base: BaseException)
    public static let KeyboardInterrupt = ExceptionType("KeyboardInterrupt", base: BaseException)
    public static let GeneratorExit = ExceptionType("GeneratorExit", base: BaseException)
    public static let Exception = ExceptionType("Exception", base: BaseException)
    public static let StopIteration = ExceptionType("StopIteration", base: Exception)
    public static let ArithmeticError = ExceptionType("ArithmeticError", base: Exception)
    public static let ZeroDivisionError = ExceptionType("ZeroDivisionError", base: ArithmeticError)
    public static let OverflowError = ExceptionType("OverflowError", base: ArithmeticError)
    public static let AssertionError = ExceptionType("AssertionError", base: Exception)
    public static let AttributeError = ExceptionType("AttributeError", base: Exception)
    public static let LookupError = ExceptionType("LookupError", base: Exception)
    public static let IndexError = ExceptionType("IndexError", base: LookupError)
    public static let KeyError = ExceptionType("KeyError", base: LookupError)
    public static let NameError = ExceptionType("NameError", base: Exception)
    public static let UnboundLocalError = ExceptionType("UnboundLocalError", base: NameError)
    public static let ImportError = ExceptionType("ImportError", base: Exception)
    public static let ModuleNotFoundError = ExceptionType("ModuleNotFoundError", base: ImportError)
    public static let StopAsyncIteration = ExceptionType("StopAsyncIteration", base: Exception)
    public static let OSError = ExceptionType("OSError", base: Exception)
    public static let FileNotFoundError = ExceptionType("FileNotFoundError", base: OSError)
    public static let TimeoutError = ExceptionType("TimeoutError", base: OSError)
    public static let RuntimeError = ExceptionType("RuntimeError", base: Exception)
    public static let RecursionError = ExceptionType("RecursionError", base: RuntimeError)
    public static let MemoryError = ExceptionType("MemoryError", base: Exception)
    public static let NotImplementedError = ExceptionType("NotImplementedError", base: RuntimeError)
    public static let TypeError = ExceptionType("TypeError", base: Exception)
    public static let ValueError = ExceptionType("ValueError", base: Exception)
    public static let UnicodeError = ExceptionType("UnicodeError", base: ValueError)
    public static let BaseExceptionGroup = ExceptionType("BaseExceptionGroup", base: BaseException)
    public static let ExceptionGroup = ExceptionType("ExceptionGroup", base: BaseExceptionGroup, secondBase: Exception)
    public static let Warning = ExceptionType("Warning", base: Exception)
    public static let DeprecationWarning = ExceptionType("DeprecationWarning", base: Warning)
    public static let RuntimeWarning = ExceptionType("RuntimeWarning", base: Warning)
    public static let UserWarning = ExceptionType("UserWarning", base: Warning)
    public static let PendingDeprecationWarning = ExceptionType("PendingDeprecationWarning", base: Warning)
    public static let SyntaxWarning = ExceptionType("SyntaxWarning", base: Warning)
    public static let FutureWarning = ExceptionType("FutureWarning", base: Warning)
    public static let ImportWarning = ExceptionType("ImportWarning", base: Warning)
    public static let UnicodeWarning = ExceptionType("UnicodeWarning", base: Warning)
    public static let BytesWarning = ExceptionType("BytesWarning", base: Warning)
    public static let ResourceWarning = ExceptionType("ResourceWarning", base: Warning)
    public static let EncodingWarning = ExceptionType("EncodingWarning", base: Warning)
    public static let QueueEmpty = ExceptionType("QueueEmpty", module: "asyncio.queues", base: Exception)
    public static let QueueFull = ExceptionType("QueueFull", module: "asyncio.queues", base: Exception)

    /// Every built-in exception bound in `builtins`.
    public static let builtinCatalogue: [ExceptionType] = [
        BaseException, SystemExit, KeyboardInterrupt, GeneratorExit, Exception, StopIteration,
        StopAsyncIteration, ArithmeticError, ZeroDivisionError, OverflowError, AssertionError,
        AttributeError, LookupError, IndexError, KeyError, NameError, UnboundLocalError, ImportError,
        ModuleNotFoundError, OSError, FileNotFoundError, TimeoutError, RuntimeError, RecursionError,
        NotImplementedError, TypeError, ValueError, UnicodeError, BaseExceptionGroup, ExceptionGroup, MemoryError,
        Warning, DeprecationWarning, RuntimeWarning, UserWarning, PendingDeprecationWarning,
        SyntaxWarning, FutureWarning, ImportWarning, UnicodeWarning, BytesWarning, ResourceWarning,
        EncodingWarning,
    ]
    // asyncio's own (asyncio/exceptions.py); CancelledError is a BaseException since 3.8.
    public static let CancelledError = ExceptionType(
        "CancelledError", module: "asyncio.exceptions", base: BaseException)
    public static let InvalidStateError = ExceptionType(
        "InvalidStateError", module: "asyncio.exceptions", base: Exception)
}

/// A raised (or raisable) exception: a value of the simulated language that travels as a Swift
/// error. Its `args` and message follow CPython's `BaseException.__str__`.
public final class PyException: PyObject, Error, @unchecked Sendable {
    public let type: ExceptionType
    public var args: [Value]
    /// Attributes a program set on the exception (`self.code = 3` in a custom `__init__`).
    public var attributes: [String: Value] = [:]
    /// Where it was raised and every frame it passed through, outermost first.
    public var traceback: [TracebackEntry] = []
    /// `__cause__` from `raise ... from ...`, and the implicit `__context__`.
    public var cause: PyException?
    public var context: PyException?
    public var suppressContext = false
    /// What CPython's traceback module adds after the message when it prints this exception
    /// (`. Did you mean: 'sleep'?`), worked out only then; `str(exc)` never includes it.
    public var trailer: (() -> String)?

    public init(runtime: Runtime, _ type: ExceptionType, args: [Value]) {
        self.type = type
        self.args = args
        super.init(runtime: runtime)
    }

    public convenience init(runtime: Runtime, _ type: ExceptionType, _ message: String) {
        self.init(runtime: runtime, type, args: [.str(message)])
    }

    override public var typeName: String { type.name }

    public func isInstance(of t: ExceptionType) -> Bool { type.isSubclass(of: t) }

    /// `str(exc)`: empty for no args, `str(arg)` for one, the tuple's repr for several.
    /// `KeyError` shows the repr of its single argument.
    override public func str() throws -> String {
        switch args.count {
        case 0: return ""
        case 1: return type.isSubclass(of: .KeyError) ? try args[0].repr() : try args[0].str()
        default: return "(" + (try args.map { try $0.repr() }.joined(separator: ", ")) + ")"
        }
    }

    override public func repr() throws -> String {
        if args.count == 1 { return "\(type.name)(\(try args[0].repr()))" }
        return "\(type.name)(" + (try args.map { try $0.repr() }.joined(separator: ", ")) + ")"
    }

    /// The last line of a traceback: `Type: message`, or just `Type` when the message is empty.
    public func summaryLine() -> String {
        let message = (try? str()) ?? "<exception str() failed>"
        return message.isEmpty ? type.qualifiedName : "\(type.qualifiedName): \(message)"
    }
}

/// One line of a traceback: `File "x.py", line 3, in main`.
public struct TracebackEntry: Equatable, Sendable {
    public var filename: String
    public var line: Int
    public var function: String
    /// The instruction's columns (1-based, end exclusive) and last line, where known: what the
    /// traceback's carets underline.
    public var column: Int?
    public var endLine: Int?
    public var endColumn: Int?
    /// The key of the source lines `line` counts in, when they are not filed under `filename`
    /// (the REPL's inputs all have the filename `<stdin>`, each has its own lines).
    public var linesKey: String?
    public init(filename: String, line: Int, function: String) {
        self.filename = filename
        self.line = line
        self.function = function
    }
}

extension Runtime {
    /// A new exception with a single message argument, for the core's own errors.
    public func error(_ type: ExceptionType, _ message: String) -> PyException {
        PyException(runtime: self, type, message)
    }
}
