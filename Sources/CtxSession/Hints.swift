import CtxView

extension Session {
    /// Collects hints raised while a command runs (the interpreter reports them).
    func hintCollector() -> (String) -> Void {
        { [unowned self] text in
            if !self.pendingHints.contains(text) { self.pendingHints.append(text) }
        }
    }

    /// One dimmed line per pitfall the last command ran into; the program's output is untouched.
    func showHints(for input: String) {
        defer { pendingHints = [] }
        guard options.hints else { return }
        for h in pendingHints { write(HintRenderer.render(h, options: options.render) + "\n", .hint) }
    }
}
