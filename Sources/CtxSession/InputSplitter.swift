import CtxLang

/// Splits a Python file (or piped text) into the inputs a person would type at the REPL: each
/// top-level statement, with its indented block, as one input; blank lines separate nothing.
public enum InputSplitter {
    public static func split(_ text: String) -> [String] {
        var inputs: [String] = []
        var current: [String] = []
        func flush() {
            while current.last?.trimmingWhitespace.isEmpty == true { current.removeLast() }
            // The empty line that ends it at the prompt, where the prompt would ask for one (a
            // block, `if x: pass`); a bracketed statement over several lines runs at its last line.
            let joined = current.joined(separator: "\n")
            if !current.isEmpty { inputs.append(joined + (PromptInput.needsMoreLines(joined) ? "\n" : "")) }
            current = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.trimmingWhitespace
            let startsNew = !line.isEmpty && !line.hasPrefix(" ") && !line.hasPrefix("\t") && !isContinuationKeyword(trimmed)
            if startsNew && !current.isEmpty {
                let soFar = current.joined(separator: "\n") + "\n"
                if case .incomplete = classifyInteractiveInput(soFar) {} else { flush() }
            }
            if current.isEmpty && (trimmed.isEmpty || (trimmed.hasPrefix("#") && !trimmed.hasPrefix("#!"))) { continue }
            if current.isEmpty && trimmed.hasPrefix(":") {
                inputs.append(trimmed)  // a meta-command is an input of its own
                continue
            }
            current.append(line)
        }
        flush()
        return inputs
    }

    static func isContinuationKeyword(_ s: String) -> Bool {
        ["else", "elif", "except", "finally", ")", "]", "}"].contains { s.hasPrefix($0) }
    }
}
