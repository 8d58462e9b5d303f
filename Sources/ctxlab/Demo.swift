import ArgumentParser
import CtxSession
import CtxView
#if canImport(Glibc)
import Glibc
#endif

/// How a demo is shown: the options `replay` and `demo` share.
struct PlaybackOptions: ParsableArguments {
    @Option(help: "Milliseconds per typed character, 0 to 1000 (0 shows inputs at once).")
    var typing: Int = 25

    @Option(help: "Colour: auto, always or never.")
    var color: ColorFlag = .auto

    func validate() throws {
        guard (0...1000).contains(typing) else { throw ValidationError("--typing takes 0 to 1000 milliseconds") }
    }
}

struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Play a transcript as a demo: narration, each input typed out, its output and the live tree.")

    @Argument(help: "The transcript (.pycon) to play.")
    var file: String

    @Flag(help: "Wait for a key after each input: Enter or Space next, b back, q quit.")
    var step = false

    @Option(help: "Advance by itself after this many seconds (0 to 3600).")
    var delay: Double?

    @OptionGroup var playback: PlaybackOptions

    func validate() throws {
        if let delay, !(delay >= 0 && delay <= 3600) { throw ValidationError("--delay takes 0 to 3600 seconds") }
    }

    func run() throws {
        let text: String
        switch readText(file) {
        case .success(let t): text = t
        case .failure(let f):
            printError("ctxlab: can't open file '\(file)': \(f)")
            throw ExitCode(2)
        }
        let pacing: DemoRunner.Pacing = step || delay == nil ? .keys : .delay(delay!)
        DemoRunner.play(Transcript(parsing: text), title: file, pacing: pacing, typingMs: playback.typing, colorFlag: playback.color)
    }
}

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the built-in lessons, or play one in step mode (they are compiled into ctxlab).")

    @Argument(help: "The lesson to play (its number or any part of its name).")
    var name: String?

    @OptionGroup var playback: PlaybackOptions

    func run() throws {
        guard let name else {
            print("Lessons (play one with: ctxlab demo NAME):")
            for l in Lessons.all { print("  \(l.name.padding(to: 30))\(l.title)") }
            return
        }
        let matches = Lessons.all.filter { $0.name.hasPrefix(name) || $0.name.contains(name) }
        guard matches.count == 1, let lesson = matches.first else {
            printError(matches.isEmpty ? "ctxlab: no lesson matches '\(name)' (ctxlab demo lists them)"
                       : "ctxlab: '\(name)' matches several lessons: \(matches.map(\.name).joined(separator: ", "))")
            throw ExitCode(2)
        }
        DemoRunner.play(Transcript(parsing: lesson.text), title: lesson.name, pacing: .keys, typingMs: playback.typing, colorFlag: playback.color)
    }
}

/// The terminal side of demos: pacing, typing effect and keys.
enum DemoRunner {
    enum Pacing { case keys, delay(Double) }

    static func play(_ transcript: Transcript, title: String, pacing: Pacing, typingMs: Int, colorFlag: ColorFlag) {
        let env = environment()
        let color = ColorPolicy.decide(flag: colorFlag, environment: env, isTTY: isatty(1) == 1)
        var options = Session.Options()
        options.render = RenderOptions(width: TerminalWidth.resolve(environment: env, terminalColumns: terminalColumns()),
                                       color: color, unicode: env["TERM"] != "dumb")
        let style = Style(enabled: color)
        let streams = StandardStreams()
        let styler = OutputStyler(style: style)
        onLargeStack {
            // What the transcript's code prints is shown, never obeyed as terminal commands.
            let session = Session(options: options) { text, kind in
                streams.write(styler.render(strippingControlSequences(text), kind), stderr: false)
            }
            let player = DemoPlayer(transcript: transcript, session: session)
            let keys = KeyReader()
            streams.write(style.bold("\(title): \(player.inputCount) inputs") + style.dim("  (Enter/Space: next, b: back, q: quit)") + "\n", stderr: false)
            streams.flush()
            loop: while true {
                let step = player.upcoming
                switch step {
                case .finished:
                    streams.write(style.dim("(end of \(title))") + "\n", stderr: false)
                    break loop
                case .narration(let s):
                    player.advance()
                    streams.write(style.cyan(strippingControlSequences(s)) + "\n", stderr: false)
                    continue
                case .pause, .input:
                    if case .input(let text, _) = step {
                        typeOut(text, style: style, streams: streams, ms: typingMs)
                        player.advance()
                        streams.flush()
                    } else {
                        player.advance()
                    }
                }
                switch wait(pacing, keys) {
                case .next: continue
                case .quit: break loop
                case .back:
                    if player.back() {
                        streams.write(style.dim("(back: the session is as it was before that input)") + "\n", stderr: false)
                        session.showTree()
                    }
                }
                streams.flush()
            }
            streams.flush()
            keys.restore()
        }
    }

    static func typeOut(_ input: String, style: Style, streams: StandardStreams, ms: Int) {
        for (i, line) in input.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if i > 0 && line.isEmpty && i == input.split(separator: "\n", omittingEmptySubsequences: false).count - 1 { break }
            streams.write(style.green(i == 0 ? ">>> " : "... "), stderr: false)
            streams.flush()
            for ch in strippingControlSequences(String(line)) {
                streams.write(String(ch), stderr: false)
                if ms > 0 {
                    streams.flush()
                    usleep(useconds_t(ms * 1000))
                }
            }
            streams.write("\n", stderr: false)
        }
        streams.flush()
    }

    enum Action { case next, back, quit }

    static func wait(_ pacing: Pacing, _ keys: KeyReader) -> Action {
        switch pacing {
        case .delay(let s):
            usleep(useconds_t(max(0, s) * 1_000_000))
            return .next
        case .keys:
            while true {
                switch keys.next() {
                case nil, "q", "Q": return .quit
                case "b", "B": return .back
                case "\n", "\r", " ": return .next
                default: continue
                }
            }
        }
    }
}

/// Single keys from standard input: raw mode on a terminal, whole lines otherwise.
final class KeyReader {
    private var saved = termios()
    private let isTTY = isatty(0) == 1

    init() {
        guard isTTY else { return }
        tcgetattr(0, &saved)
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        tcsetattr(0, TCSANOW, &raw)
    }

    func next() -> Character? {
        if !isTTY {
            guard let line = readLine() else { return nil }
            return line.first ?? "\n"
        }
        var byte: UInt8 = 0
        return read(0, &byte, 1) == 1 ? Character(Unicode.Scalar(byte)) : nil
    }

    func restore() {
        if isTTY { tcsetattr(0, TCSANOW, &saved) }
    }
}

extension String {
    func padding(to n: Int) -> String { count >= n ? self + " " : self + String(repeating: " ", count: n - count) }
}
