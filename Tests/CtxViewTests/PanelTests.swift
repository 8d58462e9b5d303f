import Testing

@testable import CtxView

@Suite struct PanelTests {
    static let rows = [
        TaskRow(
            name: "Task-1", state: .running, context: "asyncio.run", coroutine: "main()",
            isCurrent: true),
        TaskRow(
            name: "Task-2", state: .waiting(on: "sleep"), context: "Context 0x7f3a10c0",
            coroutine: "worker('a')"),
        TaskRow(
            name: "Task-3", state: .done(result: "42"), context: "Context 0x7f3a1100",
            coroutine: "worker('b')"),
        TaskRow(
            name: "Task-4", state: .failed(exception: "ValueError('boom')"),
            context: "Context 0x7f3a1180", coroutine: "fails()"),
    ]

    static let loop = LoopSnapshot(
        time: 1.5, isRunning: true,
        ready: [
            ScheduledCallback(callback: "Task-2 step", context: "Context 0x7f3a10c0"),
            ScheduledCallback(callback: "print('hi')", context: "Context 0x7f3a1200"),
        ],
        timers: [
            ScheduledCallback(
                callback: "Task-3 wakeup", context: "Context 0x7f3a1100", deadline: 2.25),
            ScheduledCallback(callback: "future.set_result", deadline: 2.0, isCancelled: true),
        ])

    @Test func taskTableWidth80() {
        expectGolden(
            TaskTableRenderer.render(Self.rows, options: RenderOptions(width: 80)),
            """
              task    state                       context             coroutine
            ▶ Task-1  running, current            asyncio.run         main()
              Task-2  waiting on sleep            Context 0x7f3a10c0  worker('a')
              Task-3  done → 42                   Context 0x7f3a1100  worker('b')
              Task-4  failed: ValueError('boom')  Context 0x7f3a1180  fails()
            """)
    }

    /// Too narrow for columns: two lines per task instead of four stubs.
    @Test func taskTableWidth40StacksEachTask() {
        expectGolden(
            TaskTableRenderer.render(Self.rows, options: RenderOptions(width: 40, unicode: false)),
            """
            > Task-1  running, current
                  main() in asyncio.run
              Task-2  waiting on sleep
                  worker('a') in Context 0x7f3a10c0
              Task-3  done -> 42
                  worker('b') in Context 0x7f3a1100
              Task-4  failed: ValueError('boom')
                  fails() in Context 0x7f3a1180
            """)
    }

    @Test func noTasks() {
        #expect(TaskTableRenderer.render([], options: RenderOptions()) == ["(no tasks)"])
    }

    @Test func loopViewWidth80() {
        expectGolden(
            LoopViewRenderer.render(Self.loop, options: RenderOptions(width: 80)),
            """
            event loop: running, time 1.5
            ready queue: 2 handles
              #  callback     context
              1  Task-2 step  Context 0x7f3a10c0
              2  print('hi')  Context 0x7f3a1200
            timers: 2
              at    in     callback                       context
              2.0   +0.5   (cancelled) future.set_result
              2.25  +0.75  Task-3 wakeup                  Context 0x7f3a1100
            """)
    }

    @Test func loopViewWidth40() {
        expectGolden(
            LoopViewRenderer.render(Self.loop, options: RenderOptions(width: 40, unicode: false)),
            """
            event loop: running, time 1.5
            ready queue: 2 handles
              #  callback     context
              1  Task-2 step  Context 0x7f3a10c0
              2  print('hi')  Context 0x7f3a1200
            timers: 2
              at    in     callback           con...
              2.0   +0.5   (cancelled) fu...
              2.25  +0.75  Task-3 wakeup      Con...
            """)
    }

    @Test func idleEmptyLoop() {
        #expect(
            LoopViewRenderer.render(
                LoopSnapshot(time: 0, isRunning: false), options: RenderOptions())
                == ["event loop: idle, time 0.0", "ready queue: empty", "timers: none"])
    }

    @Test(arguments: [
        (0.0, "0.0"), (1.5, "1.5"), (2.0, "2.0"), (0.001, "0.001"), (1.2345, "1.235"),
        (-0.25, "-0.25"),
        (12.0004, "12.0"), (Double.infinity, "inf"),
    ])
    func timeText(value: Double, text: String) {
        #expect(TimeText.seconds(value) == text)
    }

    @Test(arguments: [12, 40, 80])
    func hintIsWrappedNeverCut(width: Int) {
        let text = "the task ran in a copy of the context; pass context=ctx to share it"
        let lines = HintRenderer.render(text, options: RenderOptions(width: width)).split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { displayWidth($0) <= width })
        #expect(lines.first?.hasPrefix("hint: ") == true)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("      ") })
        // Words longer than a line are broken; otherwise the words are all there, in order.
        let words = lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
        if width >= 40 { #expect(words == "hint: " + text) }
        if width == 80 { #expect(lines.count == 1) }
        if width == 40 {
            #expect(lines == ["hint: the task ran in a copy of the", "      context; pass context=ctx to share", "      it"])
        }
    }

    @Test func hintIsDimAndOneParagraph() {
        #expect(
            HintRenderer.render("a\nb", options: RenderOptions(width: 40, color: true))
                == "\u{1B}[2mhint: a?b\u{1B}[0m")
    }

    @Test(arguments: [8, 20, 33, 40, 80])
    func panelsRespectTheWidth(width: Int) {
        let options = RenderOptions(width: width, color: true)
        let lines =
            TaskTableRenderer.render(Self.rows, options: options)
            + LoopViewRenderer.render(Self.loop, options: options)
        #expect(lines.allSatisfy { displayWidth($0) <= width })
    }
}
