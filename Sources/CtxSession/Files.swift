import CtxCore
import CtxLang

extension Session {
    /// What `:load`, `:save` and `:record` say where the session has no file access.
    static let filesRefused = "files are not available here: :load, :save and :record work only when typed at a terminal (not from piped input, transcripts or lessons)"

    /// The file access the front end gives the session (`:load`, `:save`, `:record`).
    public var files: SessionFiles? {
        get { fileAccess }
        set { fileAccess = newValue }
    }

    func load(_ path: String) {
        guard !path.isEmpty else { return info("usage: :load FILE") }
        guard let files else { return info(Self.filesRefused) }
        do {
            let source = try files.read(path)
            tracker.beginCommand(self)
            let addressBefore = runtime.addressWatermark
            _ = beginStep(replaying: nil)
            if execute(source, filename: path) { logStep(.load(path: path, source: source), addressBefore: addressBefore) }
            showHints(for: source)  // the same hints as typing the same lines
            if options.showTree { showTree() }
        } catch {
            info("ctxlab: can't read \(path): \(error)")
        }
    }

    func save(_ path: String) {
        guard !path.isEmpty else { return info("usage: :save FILE") }
        guard let files else { return info(Self.filesRefused) }
        let text = history.map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }.joined()
        do {
            try files.write(path, text)
            info("saved \(history.count) input\(history.count == 1 ? "" : "s") to \(path)")
        } catch {
            info("ctxlab: can't write \(path): \(error)")
        }
    }

    func record(_ path: String) {
        guard !path.isEmpty else { return info("usage: :record FILE") }
        guard let files else { return info(Self.filesRefused) }
        do {
            try files.write(path, Transcript.record(inputs: history, options: options))
            info("recorded \(history.count) input\(history.count == 1 ? "" : "s") to \(path) (check it with: ctxlab check \(path))")
        } catch {
            info("ctxlab: can't write \(path): \(error)")
        }
    }
}
