import CtxCore
import CtxLang

extension Session {
    /// Runs one complete input (one or more statements, or a `:` meta-command), then shows the
    /// tree. Returns false when the session should end (`:quit`, `exit()`).
    ///
    /// With `treeAfterEachStatement` (the prompt, where a paste brings several statements at
    /// once), ready tasks run and the tree is drawn after each top-level statement, as if each
    /// had been entered on its own; the input stays one step for `:undo`.
    @discardableResult
    public func submit(_ input: String, treeAfterEachStatement: Bool = false) -> Bool {
        let trimmed = input.trimmingWhitespace
        if trimmed.hasPrefix(":") { return runMetaCommand(trimmed) }
        if trimmed.isEmpty { return true }
        tracker.beginCommand(self)
        let addressBefore = runtime.addressWatermark
        _ = beginStep(replaying: nil)
        let filename = nextInputFilename()
        let changed = execute(input, filename: filename, between: treeAfterEachStatement && !replaying ? { [unowned self] in
            self.settle()
            self.tellTrace()
            if self.options.showTree { self.showTree() }
            self.tracker.beginCommand(self)
            self.statementAddresses.append(self.runtime.addressWatermark)
        } : nil)
        if exitStatus != nil { return false }
        if changed { logStep(.input(input, filename: filename), addressBefore: addressBefore) }
        if !replaying {
            showHints(for: input)
            tellTrace()
            if options.showTree { showTree() }
        }
        return true
    }

    /// The filename of the next typed input (see `InputNames`).
    func nextInputFilename() -> String {
        switch options.inputNames {
        case .stdin: return "<stdin>"
        case .numbered:
            defer { inputsNamed += 1 }
            return "<python-input-\(inputsNamed)>"
        }
    }

    /// Parses, compiles and runs each statement as the 3.14 asyncio REPL does: in the session's
    /// shared context, stopping at the first failure; only the last statement echoes its value.
    /// Returns whether the input parsed (and so may have changed the session).
    ///
    /// The input's lines are filed under a key of their own, which its code objects carry, so a
    /// traceback through a function of an earlier input shows that input's line; and under the
    /// filename too (linecache's view, as PyREPL's `linecache._register_code`), except `<stdin>`,
    /// which every input shares and which the asyncio REPL's linecache does not know.
    func execute(_ input: String, filename: String, between: (() -> Void)? = nil) -> Bool {
        let tag = beginTrace(source: input)
        defer { endTrace() }
        interpreter.warningFiltersMutated()
        let lines = input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let linesKey = "\(filename)\u{0}\(tag)"
        interpreter.sources[linesKey] = lines
        if filename != "<stdin>" { interpreter.sources[filename] = lines }
        let module: Module
        do {
            module = try PythonParser.parseModule(input, maxStrDigits: runtime.intMaxStrDigits)
        } catch {
            runtime.write(Diagnostics.describe(error, filename: filename, source: input), true)
            return false
        }
        var codes: [CodeObject] = []
        do {
            for (i, stmt) in module.body.enumerated() {
                let code = try Compiler.compile(Module(body: [stmt]), filename: filename, mode: .interactive,
                                                echo: i == module.body.count - 1, futureAnnotations: futureAnnotations)
                if code.futureAnnotations { futureAnnotations = true }
                code.tag(source: tag, linesKey: linesKey)
                codes.append(code)
            }
        } catch {
            runtime.write(Diagnostics.describe(error, filename: filename, source: input), true)
            return false
        }
        for (i, code) in codes.enumerated() {
            guard runStatement(code), exitStatus == nil else { break }
            // Statements that share a line (`a; b`) were one line of typing: no tree between them.
            if i < codes.count - 1, module.body[i + 1].pos.line > module.body[i].pos.line { between?() }
        }
        if exitStatus == nil { settle() }
        return true
    }

    /// One statement: a loop callback in the session context; a top-level `await` makes it a Task
    /// (taking a `Task-N`) that runs in that same context. Returns false if it raised.
    func runStatement(_ code: CodeObject) -> Bool {
        if options.manualMode && !code.isAsync { return runDirectly(code) }
        let done = loop.createFuture()
        var statementTask: Task?
        loop.callSoon("<statement>", context: context) { [unowned self] in
            do {
                let value = try self.interpreter.runModuleCode(code, namespace: self.namespace)
                if code.isAsync, let coro = value.asObject as? PyCoroutine {
                    let t = self.loop.createTask(coro, name: nil, context: self.context)
                    self.trace.inputTasks.insert(t.address)
                    statementTask = t
                    t.addDoneCallback("_chain_future.<locals>._call_set_state()") { t in
                        if t.isCancelled { done.cancel() } else if let e = try t.exception() { try done.setException(e) } else {
                            try done.setResult(try t.result())
                        }
                    }
                } else {
                    try done.setResult(value)
                }
            } catch let e as PyException {
                try done.setException(e)
            }
        }
        runtime.deadlockDetail = nil  // a report is about this statement's threads only
        do {
            try loop.runUntilComplete(done)
            return true
        } catch let e as PyException {
            if e.isInstance(of: .KeyboardInterrupt) {
                statementTask?.cancel()
                runtime.write("KeyboardInterrupt\n", true)
            } else if e.isInstance(of: .CancelledError), statementTask?.isCancelled == true {
                runtime.write("concurrent.futures._base.CancelledError\n", true)
            } else if e.isInstance(of: .SystemExit) {
                // asyncio/__main__.py: `exit()` ends the REPL with the exception's code.
                exitStatus = interpreter.reportUncaught(e)
            } else {
                runtime.write(interpreter.formatTraceback(e), true)
            }
            return false
        } catch SimulationError.deadlock {
            statementTask?.cancel()
            let message = runtime.deadlockMessage(
                "this statement waits for something that nothing left will ever do; CPython would hang here. It was cancelled.",
                withThreads: "this statement waits for something that nothing left will ever do; CPython would hang here. It was cancelled. Waiting for ever:")
            if !replaying {
                write(message, .info)
            }
            return false
        } catch {
            write("ctxlab: internal error: \(error)\n", .info)
            return false
        }
    }

    /// Manual mode: a statement without `await` runs at once in the session context, so that
    /// nothing else on the loop moves until `:step`.
    func runDirectly(_ code: CodeObject) -> Bool {
        do {
            try loop.whileRunning {
                _ = try context.run(runtime) { try interpreter.runModuleCode(code, namespace: namespace) }
            }
            return true
        } catch let e as PyException {
            runtime.write(interpreter.formatTraceback(e), true)
            return false
        } catch {
            write("ctxlab: internal error: \(error)\n", .info)
            return false
        }
    }

    /// What a person sees before the next prompt: ready tasks run until the loop is idle (timers
    /// wait for virtual time). In manual mode nothing runs until `:step`.
    func settle() {
        guard !options.manualMode else { return }
        do {
            try loop.drainReady()
        } catch let e as PyException {
            runtime.write(interpreter.formatTraceback(e), true)
        } catch {
            write("ctxlab: internal error: \(error)\n", .info)
        }
    }
}
