import CtxCore
import CtxLang
import CtxView

/// `:`-prefixed commands. Any unambiguous prefix works (`:t` is ambiguous, `:tre` is `:tree`, `:tra` is `:trace`).
public enum MetaCommand: String, CaseIterable, Sendable {
    case help, tree, trace, walk, why, vars, tasks, loop, step, mode, time, undo, reset, load, save, record, hints, quit

    /// One line of `:help` per command.
    public var summary: String {
        switch self {
        case .help: return ":help                 this list, and the keys"
        case .tree: return ":tree [on|off]        show the tree now, or after every command (on) or never (off)"
        case .trace: return ":trace [on|off|auto]  every event of the last input; or when to tell what the tree cannot show (auto)"
        case .walk: return ":walk [N]             step through the last input event by event, with the tree at each moment"
        case .why: return ":why NAME [in CTX]    where a variable's value in a context comes from (default: the session context)"
        case .vars: return ":vars                 every ContextVar and its value in the session context"
        case .tasks: return ":tasks                every task: state, context, coroutine"
        case .loop: return ":loop                 the event loop: ready queue, timers, virtual clock"
        case .step: return ":step [N]              run the next N loop handles (default 1), then show the tree"
        case .mode: return ":mode [auto|manual]   auto runs ready tasks before each prompt; manual waits for :step"
        case .time: return ":time                 the virtual clock (loop.time())"
        case .undo: return ":undo                 back to the state before the last input (replays the session)"
        case .reset: return ":reset                start over with a fresh session"
        case .load: return ":load FILE            run a .py file in this session"
        case .save: return ":save FILE            write this session's inputs as a .py file"
        case .record: return ":record FILE          write this session as a transcript (.pycon) for `ctxlab check`"
        case .hints: return ":hints [on|off]       pitfall hints after commands"
        case .quit: return ":quit                 leave (Ctrl-D does too)"
        }
    }

    /// Resolves a possibly abbreviated name.
    public static func resolve(_ word: String) -> Result<MetaCommand, MetaCommandError> {
        if let exact = MetaCommand(rawValue: word) { return .success(exact) }
        let matches = allCases.filter { $0.rawValue.hasPrefix(word) }
        if matches.count == 1 { return .success(matches[0]) }
        if matches.isEmpty { return .failure(.unknown(word)) }
        return .failure(.ambiguous(word, matches.map { ":" + $0.rawValue }))
    }
}

public enum MetaCommandError: Error, Equatable {
    case unknown(String)
    case ambiguous(String, [String])

    public var message: String {
        switch self {
        case .unknown(let w): return "unknown command :\(w) (type :help for the list)"
        case .ambiguous(let w, let options): return ":\(w) is ambiguous: \(options.joined(separator: ", "))"
        }
    }
}

/// Where file-based meta-commands read and write: the front end provides real files.
public protocol SessionFiles: AnyObject {
    func read(_ path: String) throws -> String
    func write(_ path: String, _ text: String) throws
}

extension Session {
    static let keysHelp = """
    Keys: Tab completes names, attributes and :commands; Up/Down and Ctrl-R search history;
    Ctrl-A/Ctrl-E start/end of line; Ctrl-C clears the line or interrupts running code;
    Ctrl-D on an empty line quits. A line ending in ':' continues with '... '; an empty line ends a block.
    """

    /// `:help tree`: every mark and label the tree (and the walk) can show.
    static let treeHelp = """
    The tree: every reachable Context, under the context it was copied from.
      Context 0x7f…  (C7 with --short-ids)  the Context object; its address is id() in hex
      (main thread) (REPL session context) (copy_context()) (Context()) (copy) (Task-3)
      (thread Thread-1) (copied for a callback)
                            why it exists: what made it (a task's copy is named after the task;
                            loop callbacks and done callbacks get a copy of their own)
      (copy_ctx)            the Python names bound to it
      ▶ … current           the context your statements run in (in :walk, the one running then)
      entered               inside a Context.run or a task step at that moment
      new                   made by the last input (in :walk, by this step)
      name = value          the variable's value in this context
      name = value (default)  no value here: get() returns the variable's default
      name = <unset>        no value and no default: get() raises LookupError
      ← changed             differs from the last drawing (in :walk, set by this step)
      ctx → test_context    a variable bound to the Python name ctx, created as
                            ContextVar('test_context'); two alike also show their address
      [Task-1 pending]      a task made but not started;  [▶ Task-1 running, current]
      [Task-1 waiting on sleep(0.1)]  suspended on that awaitable
      [Task-1 done → 42]  [Task-1 failed: ValueError('boom')]  [Task-1 cancelled]
      [Task-3 (this input's await)]  the task the REPL made to run an input with a top-level
                            await: it runs in the session context itself (3.14's asyncio REPL)
      [Task-2 (t) …]        the Python names bound to the task
      … 37 more contexts, 5 tasks waiting  a big tree folded: what it holds, counted
      + N unreachable contexts (garbage)  nothing refers to them but they are not freed yet
    Before the tree, "During this input" tells what the tree cannot show: a context made and
    dropped, a coroutine run in another context than it was made in. :trace lists every event,
    :walk steps through them, :why NAME says where a value comes from.
    """

    func runMetaCommand(_ text: String) -> Bool {
        let words = text.dropFirst().split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let first = words.first else {
            info("type :help for the commands")
            return true
        }
        let command: MetaCommand
        switch MetaCommand.resolve(first) {
        case .success(let c): command = c
        case .failure(let e):
            info(e.message)
            return true
        }
        let arg = words.dropFirst().joined(separator: " ")
        switch command {
        case .help:
            switch arg {
            case "tree": info(Session.treeHelp)
            case "": info((["Commands:"] + MetaCommand.allCases.map { "  " + $0.summary }).joined(separator: "\n")
                           + "\n" + Session.keysHelp + "\n:help tree explains every mark of the tree.")
            default: info("usage: :help [tree]")
            }
        case .tree:
            switch arg {
            case "on": options.showTree = true; showTree()
            case "off": options.showTree = false; info("tree hidden (:tree on to show it after every command)")
            case "": showTree()
            default: info("usage: :tree [on|off]")
            }
        case .hints:
            switch arg {
            case "on", "off": options.hints = arg == "on"; info("hints \(arg)")
            default: info("usage: :hints [on|off]")
            }
        case .trace: traceCommand(arg)
        case .walk: walkCommand(arg)
        case .why: whyCommand(arg)
        case .vars: showVariables()
        case .tasks: showTasks()
        case .loop: showLoop()
        case .time: info("loop.time() = \(FloatRepr.repr(loop.time))")
        case .step: stepCommand(arg)
        case .mode:
            switch arg {
            case "auto": options.manualMode = false; info("mode auto: ready tasks run before each prompt"); settle()
            case "manual": options.manualMode = true; info("mode manual: background tasks run only when you :step")
            case "": info("mode \(options.manualMode ? "manual" : "auto")")
            default: info("usage: :mode [auto|manual]")
            }
        case .undo: undo()
        case .reset:
            reset()
            info("session reset")
        case .load: load(arg)
        case .save: save(arg)
        case .record: record(arg)
        case .quit: return false
        }
        return true
    }

    func info(_ s: String) { write(s + "\n", .info) }

    func stepCommand(_ arg: String) {
        let n = arg.isEmpty ? 1 : Int(arg) ?? -1
        guard n > 0 else {
            info("usage: :step [N] with N a positive number")
            return
        }
        do {
            tracker.beginCommand(self)
            let addressBefore = runtime.addressWatermark
            _ = beginStep(replaying: nil)
            beginTrace(source: nil)
            defer { endTrace() }
            let handles = try loop.step(n)
            if !handles.isEmpty { logStep(.step(n), addressBefore: addressBefore) }
            if handles.isEmpty {
                info("nothing to run: the ready queue and the timers are empty")
            } else {
                for h in handles { info("ran \((try? h.repr()) ?? h.label)" + (h.stepOf.map { "  (\($0.name) step)" } ?? "")) }
            }
        } catch let e as PyException {
            runtime.write(interpreter.formatTraceback(e), true)
        } catch {
            info("nothing to run")
        }
        if options.showTree { showTree() }
    }

    func showVariables() {
        let vars = tracker.liveVariables
        if vars.isEmpty {
            info("no ContextVar yet: try  request_id = ContextVar('request_id', default=None)")
            return
        }
        let labels = variableLabels()
        for v in vars {
            let cell = variableCell(v, in: context, labels: labels)
            let shown: String
            switch cell.kind {
            case .set: shown = cell.value
            case .defaultShown: shown = "\(cell.value)  (default: not set in this context)"
            case .absent: shown = "<unset>  (no value, no default: get() raises LookupError)"
            }
            info("\(cell.name) = \(shown)")
        }
    }

    func showTasks() {
        let rows = loop.tasks.map { t in
            TaskRow(name: t.name, state: taskState(t), context: name(of: t.context), coroutine: t.coroutine.reprInfo)
        }
        if rows.isEmpty {
            info("no tasks yet")
            return
        }
        write(TaskTableRenderer.render(rows, options: options.render).joined(separator: "\n") + "\n", .view)
    }

    func showLoop() {
        func entry(_ h: Handle) -> ScheduledCallback {
            ScheduledCallback(callback: h.stepOf.map { "\($0.name) step" } ?? h.label, context: name(of: h.context), deadline: h.when, isCancelled: h.isCancelled)
        }
        let snapshot = LoopSnapshot(
            time: loop.time, isRunning: loop.isRunning, ready: loop.ready.map(entry),
            timers: loop.scheduledTimers.filter { !$0.isCancelled }.sorted { $0.when! < $1.when! }.map(entry))
        write(LoopViewRenderer.render(snapshot, options: options.render).joined(separator: "\n") + "\n", .view)
    }

    /// `:undo`: replays every step but the last into a fresh session, silently (`UndoLog`).
    func undo() {
        guard let last = undoLog.last else {
            info("nothing to undo")
            return
        }
        replay(dropping: 1)
        if case .step = last.kind { info("undone: back to before the last :step") } else { info("undone: back to before the last input") }
        if options.showTree { showTree() }
    }
}

extension Session {
    /// `help` typed alone (PyREPL runs it as a command; CPython opens pydoc's interactive help).
    public func showHelp() {
        info(Help.orientation)
    }
}
