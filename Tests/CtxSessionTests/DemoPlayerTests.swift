import Testing
@testable import CtxSession

/// The lesson player's logic: steps, forward, back (really restoring), jumps, restart, keys.
struct DemoPlayerTests {
    static let lesson = """
    # A lesson
    #
    # Set a value.
    >>> v = ContextVar('v', default=0)
    # Now set it.
    >>> v.set(1)
    <Token var=<ContextVar name='v' default=0 at 0x7f0000004dc0> at 0x7f0000004f00>
    # The tree:
    >>> :tree
    # And read it.
    >>> v.get()
    1
    # The end.
    """

    func player() -> DemoPlayer {
        var o = Transcript.checkOptions
        o.showTree = true
        return DemoPlayer(transcript: Transcript(parsing: Self.lesson), options: o)
    }

    func text(_ s: DemoPlayer.Slide) -> String { s.output.map(\.text).joined() }

    @Test func aBareTreeInputIsNotAStepAndItsNarrationMovesOn() {
        let p = player()
        #expect(p.count == 3)
        #expect(p.steps[2].narration == ["The tree:", "And read it."])
        #expect(p.closing == ["The end."])
    }

    @Test func backReallyGoesBackAndRepeatedlyToTheStart() {
        let p = player()
        let first = p.next()!
        #expect(first.number == 1 && first.narration.last == "Set a value.")
        _ = p.next()
        let third = p.next()!
        #expect(text(third).hasPrefix("1\n"))
        #expect(third.closing == ["The end."])
        #expect(p.next() == nil)
        let back2 = p.back()!
        #expect(back2.number == 2)
        #expect(text(back2).contains("<Token var="))
        // The state is really the one after step 2, not after step 3's repeat.
        #expect(p.session.undoDepth == 2)
        #expect(p.back()!.number == 1)
        #expect(p.back()!.number == 0)
        #expect(p.back() == nil)
        // Forward again runs the steps again, with the same output.
        _ = p.next()
        _ = p.next()
        #expect(text(p.next()!) == text(third))
    }

    @Test func goToAndRestart() {
        let p = player()
        #expect(p.goTo(3).number == 3)
        #expect(p.goTo(1).number == 1)
        #expect(p.session.undoDepth == 1)
        #expect(p.goTo(99).number == 3)
        #expect(p.restart().number == 0)
        #expect(p.session.undoDepth == 0)
    }

    @Test(arguments: [
        ("\r", [PlayerKey.enter]), (" ", [.pause]), ("b", [.back]), ("p", [.back]), ("n", [.next]),
        ("\u{1B}[C", [.next]), ("\u{1B}[B", [.next]), ("\u{1B}[D", [.back]), ("\u{1B}[A", [.back]),
        ("\u{1B}[6~", [.next]), ("\u{1B}[5~", [.back]), ("\u{1B}[H", [.restart]), ("\u{1B}[1~", [.restart]),
        ("\u{1B}OH", [.restart]), ("\u{1B}[F", [.end]), ("\u{1B}[4~", [.end]), ("r", [.restart]), ("q", [.quit]),
        ("g12\r", [.goTo, .digit(1), .digit(2), .enter]), ("\u{1B}[B\u{1B}[B", [.next, .next]),
    ])
    func keysAreDecoded(_ bytes: String, _ keys: [PlayerKey]) {
        let decoded = PlayerKeys.decode(Array(bytes.utf8), final: true)
        #expect(decoded.keys == keys)
        #expect(decoded.used == bytes.utf8.count)
    }

    @Test func aLoneEscapeIsQuitOnlyWhenNoMoreBytesCome() {
        #expect(PlayerKeys.decode([0x1B], final: false).keys.isEmpty)
        #expect(PlayerKeys.decode([0x1B], final: true).keys == [.quit])
        #expect(PlayerKeys.decode([0x1B, UInt8(ascii: "[")], final: false).used == 0)
    }
}
