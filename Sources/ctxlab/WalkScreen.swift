import CtxSession
import CtxView
#if canImport(Glibc)
import Glibc
#endif

/// `:walk` at a terminal: one frame of the last input's walk at a time on the alternate screen
/// (the session's screen comes back as it was), Enter/→/Space for the next, ←/b for the one
/// before, Home/End, `g N Enter` to go to step N, q/Esc/Ctrl-C to leave.
struct WalkScreen {
    let session: Session
    let streams: StandardStreams

    func run() {
        guard let frames = session.walk() else {
            session.submit(":walk")
            streams.flush()
            return
        }
        var saved = termios()
        let hasTerminal = tcgetattr(0, &saved) == 0
        if hasTerminal {
            var raw = saved
            // ISIG off: Ctrl-C is a key here (it leaves the walk), not the end of the session.
            raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
            tcsetattr(0, TCSANOW, &raw)
        }
        let keys = KeyReader(entersRaw: false)
        streams.write("\u{1B}[?1049h", stderr: false)
        var i = 0
        loop: while true {
            draw(frames.frame(i), footer: footer(i, frames.count))
            switch keys.command() {
            case .next, .pause:
                if i == frames.count - 1 { break loop }
                i += 1
            case .back: i = max(0, i - 1)
            case .restart: i = 0
            case .end: i = frames.count - 1
            case .goTo(let n): i = min(max(n, 1), frames.count) - 1
            case .redraw: continue
            case .quit: break loop
            }
        }
        streams.write("\u{1B}[?1049l", stderr: false)
        if hasTerminal { tcsetattr(0, TCSANOW, &saved) }
        streams.write("walked to step \(i + 1) of \(frames.count) (:walk N shows one step)\n", stderr: false)
        streams.flush()
    }

    private func footer(_ i: Int, _ count: Int) -> String {
        let last = i == count - 1
        return Style(session.options.render).dim(
            (last ? "Enter leaves" : "Enter/→ next") + " · ←/b back · Home/End · g N Enter: step N · q leaves")
    }

    private func draw(_ frame: WalkFrame, footer: String) {
        streams.write("\u{1B}[H\u{1B}[2J" + frame.lines.joined(separator: "\n") + "\n\n" + footer + "\n", stderr: false)
        streams.flush()
    }
}
