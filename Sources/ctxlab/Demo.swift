import ArgumentParser
import CtxSession
import CtxView
#if canImport(Glibc)
import Glibc
#endif

/// How a lesson is shown: the options `replay` and `demo` share.
struct PlaybackOptions: ParsableArguments {
    @Option(help: "Milliseconds per typed character, 0 to 1000 (0 shows inputs at once).")
    var typing: Int = 25

    @Option(help: "Advance by itself after this many seconds (0 to 3600); Space pauses.")
    var delay: Double?

    @Option(help: "Colour: auto, always or never.")
    var color: ColorFlag = .auto

    @Option(help: "Theme: default, or projector (no dim text, high contrast).")
    var theme: Theme = .default

    @Flag(help: "Name contexts C1, C2… instead of by address.")
    var shortIds = false

    @Flag(help: "Draw the tree with ASCII characters only.")
    var ascii = false

    enum Theme: String, ExpressibleByArgument { case `default`, projector }

    func validate() throws {
        guard (0...1000).contains(typing) else { throw ValidationError("--typing takes 0 to 1000 milliseconds") }
        if let delay, !(delay >= 0 && delay <= 3600) { throw ValidationError("--delay takes 0 to 3600 seconds") }
    }
}

struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Play a transcript as a lesson: narration, each input typed out, its output and the live tree.",
        discussion: PlayerKeysHelp.text)

    @Argument(help: "The transcript (.pycon) to play.")
    var file: String

    @Flag(help: "Wait for a key after each step (the default unless --delay is given).")
    var step = false

    @Flag(help: "Clear the screen for every step (slide mode).")
    var slides = false

    @OptionGroup var playback: PlaybackOptions

    func run() throws {
        let transcript = Transcript(parsing: try readTextOrExit(file))
        guard transcript.inputs.count > 0 else {
            printError("ctxlab: \(file) has no `>>> ` input: nothing to play")
            throw ExitCode(2)
        }
        DemoRunner.play(transcript, title: file, playback: playback, slides: slides, waitForKeys: step || playback.delay == nil)
    }
}

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the built-in lessons, or play one (they are compiled into ctxlab).",
        discussion: PlayerKeysHelp.text)

    @Argument(help: "The lesson to play (its number or any part of its name).")
    var name: String?

    @Flag(inversion: .prefixedNo, help: "Clear the screen for every step (slide mode; the default on a terminal).")
    var slides = true

    @OptionGroup var playback: PlaybackOptions

    func run() throws {
        guard let name else {
            print("Lessons (play one with: ctxlab demo NUMBER):")
            for (i, l) in Lessons.all.enumerated() {
                let steps = DemoPlayer.lessonSteps(of: Transcript(parsing: l.text)).0.count
                let minutes = max(1, (steps * 40 + 59) / 60)
                print("  \(i + 1)  \(l.summary.padding(to: 44)) \(steps) steps, about \(minutes) min")
            }
            return
        }
        let lesson = try builtInLesson(name)
        DemoRunner.play(Transcript(parsing: lesson.text), title: lesson.title, playback: playback,
                        slides: slides && isatty(1) == 1, waitForKeys: playback.delay == nil)
    }
}

/// The built-in lesson a user named (its number, or part of its name); one clear line and exit
/// status 2 when none or several match.
func builtInLesson(_ query: String) throws -> Lesson {
    let matches = Lessons.all.enumerated().filter { i, l in
        query == String(i + 1) || l.name.hasPrefix(query) || l.name.contains(query)
    }.map(\.element)
    guard matches.count == 1, let lesson = matches.first else {
        printError(matches.isEmpty ? "ctxlab: no lesson matches '\(query)' (ctxlab demo lists them)"
                   : "ctxlab: '\(query)' matches several lessons: \(matches.map(\.name).joined(separator: ", "))")
        throw ExitCode(2)
    }
    return lesson
}

/// A file's text, or one line on stderr and exit status 2.
func readTextOrExit(_ path: String) throws -> String {
    switch readText(path) {
    case .success(let t): return t
    case .failure(let f):
        printError("ctxlab: can't open file '\(path)': \(f)")
        throw ExitCode(2)
    }
}

enum PlayerKeysHelp {
    static let text = """
    Keys: Enter, Space, →, ↓, PageDown, n: next · b, ←, ↑, PageUp, p: back (really restoring the \
    state) · g then a number and Enter: go to that step · Home, r: restart · End: last step · \
    q, Esc, Ctrl-C: quit. With --delay, Space pauses and resumes. Any key finishes the typing.
    """
}

/// The terminal side of lessons: slides, the typing effect, keys and pacing.
enum DemoRunner {
    static func play(_ transcript: Transcript, title: String, playback: PlaybackOptions, slides: Bool, waitForKeys: Bool) {
        let env = environment()
        let color = ColorPolicy.decide(flag: playback.color, environment: env, isTTY: isatty(1) == 1)
        var options = Session.Options()
        options.shortIds = playback.shortIds
        options.render = RenderOptions(width: TerminalWidth.resolve(environment: env, terminalColumns: terminalColumns()),
                                       color: color, unicode: !playback.ascii && env["TERM"] != "dumb")
        options.render.projector = playback.theme == .projector
        let followsWidth = Int(env["COLUMNS"] ?? "").map { $0 <= 0 } ?? true
        onLargeStack {
            let keys = KeyReader()
            defer { keys.restore() }
            let screen = SlideScreen(title: title, options: options.render, slides: slides, typingMs: playback.typing)
            let player = DemoPlayer(transcript: transcript, options: options)
            var paused = false
            var slide = player.slide(0)
            screen.show(slide, typing: false, keys: keys)
            while true {
                let command: PlayerCommand
                if waitForKeys || paused {
                    command = keys.command()
                } else {
                    command = keys.command(timeout: playback.delay ?? 0) ?? .next
                }
                if followsWidth, let columns = terminalColumns() {
                    screen.options.width = columns
                    player.session.options.render.width = columns
                }
                switch command {
                case .quit: return
                case .pause:
                    if waitForKeys {
                        guard let s = player.next() else { continue }
                        slide = s
                        screen.show(slide, typing: true, keys: keys)
                    } else {
                        paused.toggle()
                        screen.status(paused ? "paused: Space resumes" : "resumed")
                    }
                    continue
                case .next:
                    guard let s = player.next() else {
                        if !waitForKeys { return }
                        screen.status("end of the lesson: b goes back, q quits")
                        continue
                    }
                    slide = s
                    screen.show(slide, typing: true, keys: keys)
                case .back:
                    guard let s = player.back() else { continue }
                    slide = s
                    screen.show(slide, typing: false, keys: keys, note: "back: the session is as it was after this step")
                case .goTo(let n):
                    slide = player.goTo(n)
                    screen.show(slide, typing: false, keys: keys)
                case .restart:
                    slide = player.restart()
                    screen.show(slide, typing: false, keys: keys)
                case .end:
                    slide = player.goTo(player.count)
                    screen.show(slide, typing: false, keys: keys)
                case .redraw:
                    screen.show(slide, typing: false, keys: keys)
                }
            }
        }
    }
}

/// What the player does next.
enum PlayerCommand: Equatable {
    case next, back, restart, end, quit, pause, redraw
    case goTo(Int)
}

/// Draws slides: the header with progress, narration wrapped to the width, the input (typed
/// out), its output and the tree.
final class SlideScreen {
    let title: String
    var options: RenderOptions
    let slides: Bool
    let typingMs: Int
    let style: Style
    let styler: OutputStyler
    let streams = StandardStreams()

    init(title: String, options: RenderOptions, slides: Bool, typingMs: Int) {
        self.title = title
        self.options = options
        self.slides = slides
        self.typingMs = typingMs
        style = Style(options)
        styler = OutputStyler(style: style)
    }

    func show(_ slide: DemoPlayer.Slide, typing: Bool, keys: KeyReader, note: String? = nil) {
        keys.discardPending()  // keys pressed while the step ran do not run the next ones
        if slides { streams.write("\u{1B}[H\u{1B}[2J", stderr: false) }
        let progress = "[\(slide.number)/\(slide.count)]"
        let hint = slide.number == 0 ? "  Enter/→/PageDown: start · q: quit" : "  ←/b back · g N go to · r restart · q quit"
        streams.write(style.bold("\(strippingControlSequences(title))  \(progress)") + (options.projector ? hint : style.dim(hint)) + "\n", stderr: false)
        if let note { streams.write(style.yellow("(\(note))") + "\n", stderr: false) }
        if slides || slide.number > 0 { streams.write("\n", stderr: false) }
        for line in NarrationLayout.lines(slide.narration, width: options.width) {
            streams.write(style.cyan(line) + "\n", stderr: false)
        }
        if let input = slide.input {
            if !slide.narration.isEmpty { streams.write("\n", stderr: false) }
            typeOut(input, animate: typing && typingMs > 0, keys: keys)
            for o in slide.output { streams.write(styler.render(strippingControlSequences(o.text), o.kind), stderr: false) }
        }
        if !slide.closing.isEmpty {
            streams.write("\n", stderr: false)
            for line in NarrationLayout.lines(slide.closing, width: options.width) { streams.write(style.cyan(line) + "\n", stderr: false) }
        }
        if slide.number == slide.count && slide.number > 0 {
            streams.write("\n" + style.bold("(end of the lesson)") + "\n", stderr: false)
        }
        streams.flush()
    }

    func status(_ text: String) {
        streams.write(style.yellow("(\(text))") + "\n", stderr: false)
        streams.flush()
    }

    /// The input with its prompts, a character at a time; any key finishes it at once.
    func typeOut(_ input: String, animate: Bool, keys: KeyReader) {
        var animating = animate
        let lines = input.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() {
            if i > 0 && line.isEmpty && i == lines.count - 1 { break }
            streams.write(style.green(i == 0 ? ">>> " : "... "), stderr: false)
            for ch in strippingControlSequences(String(line)) {
                streams.write(String(ch), stderr: false)
                if animating {
                    streams.flush()
                    if keys.keyPressed(within: typingMs) {
                        keys.discardPending()
                        animating = false
                    }
                }
            }
            streams.write("\n", stderr: false)
        }
        streams.flush()
    }
}

/// Narration re-flowed to the width: the lesson files wrap it for reading, a projector is
/// narrower. Paragraphs are separated by empty lines; indented lines and list items keep
/// their own line.
enum NarrationLayout {
    static func lines(_ narration: [String], width: Int) -> [String] {
        var out: [String] = []
        var paragraph: [String] = []
        func flush() {
            if !paragraph.isEmpty { out += WordWrap.lines(paragraph.joined(separator: " "), width: width) }
            paragraph = []
        }
        for line in narration {
            if line.trimmingWhitespace.isEmpty {
                flush()
                out.append("")
            } else if line.hasPrefix(" ") || line.hasPrefix("-") || line.hasPrefix("*") {
                flush()
                out += WordWrap.lines(line, width: width, indent: String(line.prefix { $0 == " " }) + "  ")
            } else {
                paragraph.append(line)
            }
        }
        flush()
        while out.last == "" { out.removeLast() }
        return out
    }
}

/// Keys from standard input: raw mode on a terminal (restored on every way out, signals
/// included), bytes from a pipe otherwise.
final class KeyReader {
    private let isTTY = isatty(0) == 1
    private var pending: [UInt8] = []
    private var goToDigits: String?
    private var ended = false

    /// `entersRaw` false: the caller has put the terminal in the mode it wants.
    init(entersRaw: Bool = true) {
        guard isTTY, entersRaw else { return }
        TerminalRestore.enterRaw()
    }

    func restore() {
        if isTTY { TerminalRestore.restore() }
    }

    /// Blocks for the next command.
    func command() -> PlayerCommand {
        while true {
            if let c = decoded() { return c }
            if ended { return .quit }
            fill(timeoutMs: -1)
        }
    }

    /// The next command within `timeout` seconds, or nil.
    func command(timeout: Double) -> PlayerCommand? {
        let deadline = monotonicSeconds() + timeout
        while true {
            if let c = decoded() { return c }
            if ended { return .quit }
            let left = deadline - monotonicSeconds()
            if left <= 0 { return nil }
            fill(timeoutMs: Int32(min(left * 1000, 60_000).rounded(.up)))
        }
    }

    /// Whether a key arrives within `ms` milliseconds (it stays pending).
    func keyPressed(within ms: Int) -> Bool {
        if !pending.isEmpty { return true }
        fill(timeoutMs: Int32(ms))
        return !pending.isEmpty
    }

    /// Throws away keys that arrived while a step ran.
    func discardPending() {
        pending = []
        goToDigits = nil
        while fill(timeoutMs: 0) { pending = [] }
    }

    /// One decoded command from the pending bytes, if a complete one is there.
    private func decoded() -> PlayerCommand? {
        while !pending.isEmpty {
            let (keys, used) = PlayerKeys.decode(pending, final: !isTTY || !hasMoreInput(withinMs: 30))
            guard used > 0 else { return nil }
            pending.removeFirst(used)
            for key in keys {
                if let c = interpret(key) { return c }
            }
        }
        return nil
    }

    private func interpret(_ key: PlayerKey) -> PlayerCommand? {
        if var digits = goToDigits {
            switch key {
            case .digit(let d):
                digits += String(d)
                goToDigits = digits
                return nil
            case .enter:
                goToDigits = nil
                return Int(digits).map { .goTo($0) } ?? .redraw
            default:
                goToDigits = nil
            }
        }
        switch key {
        case .next, .enter: return .next
        case .pause: return .pause
        case .back: return .back
        case .restart: return .restart
        case .end: return .end
        case .quit: return .quit
        case .goTo:
            goToDigits = ""
            return nil
        case .digit, .other: return nil
        }
    }

    private func hasMoreInput(withinMs ms: Int32) -> Bool {
        var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0)]
        return poll(&fds, 1, ms) > 0
    }

    /// Reads what is available (waiting up to `timeoutMs`, -1 forever); false when nothing came.
    @discardableResult
    private func fill(timeoutMs: Int32) -> Bool {
        guard !ended else { return false }
        var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&fds, 1, timeoutMs)
        guard ready > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = read(0, &buffer, buffer.count)
        if n <= 0 {
            if n == 0 || (errno != EINTR && errno != EAGAIN) { ended = true }
            return false
        }
        pending += buffer[0..<n]
        return true
    }
}

func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// The terminal's mode before the player took it, put back on every way out: normal return,
/// Ctrl-C (ISIG stays on), SIGTERM, SIGHUP.
nonisolated(unsafe) private var savedTermios = termios()
nonisolated(unsafe) private var termiosSaved = false

enum TerminalRestore {
    static func enterRaw() {
        guard tcgetattr(0, &savedTermios) == 0 else { return }
        termiosSaved = true
        var raw = savedTermios
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        tcsetattr(0, TCSANOW, &raw)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            signal(sig) { sig in
                TerminalRestore.restore()
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
    }

    /// Async-signal-safe: tcsetattr and write only.
    static func restore() {
        guard termiosSaved else { return }
        tcsetattr(0, TCSANOW, &savedTermios)
        let show = "\u{1B}[0m\n"
        _ = show.withCString { write(1, $0, strlen($0)) }
    }
}

extension String {
    func padding(to n: Int) -> String { count >= n ? self + " " : self + String(repeating: " ", count: n - count) }
}
