import CtxView

/// A lesson as one self-contained HTML file (no network, no external script, font or style):
/// every step's narration, input, output and tree, drawn by the same renderer as the terminal
/// (colour off, 80 columns), and a small player. Pure: the executable writes the text.
///
/// The page: one `<section class="step">` per step (step 0 is the title), all in the document
/// so that printing lays them out in order as a handout; on screen only the current one shows.
/// Keys: →, ↓, PageDown, Space, Enter next; ←, ↑, PageUp back; Home, End; digits then Enter
/// jump. The URL fragment (`#12`) names the step, so a teacher can link one. For tests, a
/// `?keys=Right,Right,Left` query replays keys after loading.
public enum LessonExport {
    public static func html(title: String, transcript: Transcript) -> String {
        var options = Transcript.checkOptions
        options.showTree = true
        options.hints = true
        let player = DemoPlayer(transcript: transcript, options: options)
        var sections = [titleSection(title, count: player.count)]
        while let slide = player.next() { sections.append(section(slide)) }
        return page(title: title, count: player.count, sections: sections.joined(separator: "\n"))
    }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in strippingControlSequences(s) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    static func titleSection(_ title: String, count: Int) -> String {
        """
        <section class="step" id="step-0" data-step="0">
        <h1>\(escape(title))</h1>
        <p class="narration">\(count) steps. → or PageDown to start; ← or PageUp to go back; a number and Enter to jump.</p>
        </section>
        """
    }

    static func section(_ slide: DemoPlayer.Slide) -> String {
        var body = "<section class=\"step\" id=\"step-\(slide.number)\" data-step=\"\(slide.number)\">\n"
        body += narrationHTML(slide.narration)
        if let input = slide.input {
            let lines = input.split(separator: "\n", omittingEmptySubsequences: false)
            let shown = lines.enumerated().filter { !($0.offset > 0 && $0.offset == lines.count - 1 && $0.element.isEmpty) }
            body += "<pre class=\"input\">" + shown.map { (i, l) in
                "<span class=\"prompt\">\(i == 0 ? "&gt;&gt;&gt; " : "... ")</span>" + escape(String(l))
            }.joined(separator: "\n") + "</pre>\n"
        }
        var output = ""
        for o in slide.output {
            for line in o.text.split(separator: "\n", omittingEmptySubsequences: true) {
                output += outputLine(String(line), o.kind) + "\n"
            }
        }
        if !output.isEmpty { body += "<pre class=\"output\">" + output + "</pre>\n" }
        body += narrationHTML(slide.closing)
        return body + "</section>"
    }

    static func narrationHTML(_ lines: [String]) -> String {
        var paragraphs: [[String]] = [[]]
        for line in lines {
            if line.trimmingWhitespace.isEmpty { paragraphs.append([]) } else { paragraphs[paragraphs.count - 1].append(line) }
        }
        return paragraphs.filter { !$0.isEmpty }.map { p in
            "<p class=\"narration\">" + p.map { escape($0) }.joined(separator: "\n") + "</p>\n"
        }.joined()
    }

    /// One line of output, classed by kind; a changed value is marked by more than colour
    /// (bold, underlined, and its `← changed` text).
    static func outputLine(_ line: String, _ kind: OutputKind) -> String {
        let cls: String
        switch kind {
        case .stdout: cls = "out"
        case .stderr: cls = "err"
        case .view: cls = line.contains("← changed") ? "tree changed" : line.contains(" new") ? "tree new" : "tree"
        case .hint: cls = "hint"
        case .info: cls = "info"
        }
        return "<span class=\"\(cls)\">\(escape(line))</span>"
    }

    static func page(title: String, count: Int, sections: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="ctxlab export">
        <title>\(escape(title))</title>
        <style>
        :root { --bg: #ffffff; --fg: #000000; --muted: #333333; --accent: #0b3d91; --err: #a00000; --mark: #ffe14d; --bar: #0b3d91; }
        @media (prefers-color-scheme: dark) {
          :root { --bg: #000000; --fg: #ffffff; --muted: #dddddd; --accent: #8fd3ff; --err: #ff8080; --mark: #806000; --bar: #8fd3ff; }
        }
        html, body { margin: 0; background: var(--bg); color: var(--fg); }
        body { font-family: "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 22px; line-height: 1.35; }
        header { position: sticky; top: 0; background: var(--bg); border-bottom: 2px solid var(--fg); padding: 8px 24px; display: flex; gap: 24px; align-items: center; }
        header .title { font-weight: bold; flex: 1; }
        #counter { font-weight: bold; }
        #bar { height: 8px; background: var(--bar); width: 0; transition: width 0.15s; }
        main { padding: 12px 24px 48px; }
        .step { display: none; }
        .step.current { display: block; }
        h1 { font-size: 1.6em; }
        .narration { white-space: pre-line; color: var(--fg); max-width: 60em; }
        pre { white-space: pre; overflow-x: auto; margin: 0.6em 0; font-size: 0.95em; }
        pre.input { font-weight: bold; color: var(--accent); }
        .prompt { color: var(--muted); }
        .err { color: var(--err); font-weight: bold; }
        .hint { font-style: italic; }
        .info { color: var(--accent); }
        .tree.changed { font-weight: bold; text-decoration: underline; background: var(--mark); }
        .tree.new { font-weight: bold; }
        .keys { color: var(--muted); font-size: 0.8em; }
        @media print {
          header, #bar, .keys { display: none; }
          body { font-size: 11pt; }
          .step { display: block !important; page-break-inside: avoid; border-top: 1px solid #000; padding-top: 0.5em; }
          .step::before { content: "Step " attr(data-step); font-weight: bold; }
          .tree.changed { background: none; }
        }
        </style>
        </head>
        <body>
        <header><span class="title">\(escape(title))</span><span id="counter">0 / \(count)</span><span class="keys">← → PageUp PageDown · Home End · number+Enter</span></header>
        <div id="bar"></div>
        <main>
        \(sections)
        </main>
        <script>
        (function () {
          var count = \(count), current = 0, typed = "";
          var steps = document.querySelectorAll(".step");
          function show(n, fromHash) {
            n = Math.max(0, Math.min(count, n | 0));
            for (var i = 0; i < steps.length; i++) steps[i].classList.toggle("current", i === n);
            current = n;
            document.getElementById("counter").textContent = n + " / " + count;
            document.getElementById("bar").style.width = (count ? 100 * n / count : 100) + "%";
            document.body.setAttribute("data-current", String(n));
            if (!fromHash && location.hash !== "#" + n) history.replaceState(null, "", "#" + n);
            window.scrollTo(0, 0);
          }
          function key(name) {
            if (/^[0-9]$/.test(name)) { typed += name; return; }
            if (name === "Enter" && typed) { show(parseInt(typed, 10)); typed = ""; return; }
            typed = "";
            switch (name) {
              case "ArrowRight": case "ArrowDown": case "PageDown": case " ": case "Enter": case "n": show(current + 1); break;
              case "ArrowLeft": case "ArrowUp": case "PageUp": case "Backspace": case "b": case "p": show(current - 1); break;
              case "Home": show(0); break;
              case "End": show(count); break;
              default: return false;
            }
            return true;
          }
          document.addEventListener("keydown", function (e) {
            if (e.ctrlKey || e.metaKey || e.altKey) return;
            if (key(e.key) !== false) e.preventDefault();
          });
          window.addEventListener("hashchange", function () { show(parseInt(location.hash.slice(1), 10) || 0, true); });
          show(parseInt(location.hash.slice(1), 10) || 0, true);
          var replay = /[?&]keys=([^&]*)/.exec(location.search);
          if (replay) decodeURIComponent(replay[1]).split(",").forEach(function (k) {
            var names = { Right: "ArrowRight", Left: "ArrowLeft", Up: "ArrowUp", Down: "ArrowDown", Space: " " };
            document.dispatchEvent(new KeyboardEvent("keydown", { key: names[k] || k }));
          });
        })();
        </script>
        </body>
        </html>

        """
    }
}
