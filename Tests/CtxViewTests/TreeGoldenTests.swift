import Testing

@testable import CtxView

/// Whole trees, rendered exactly. The six-node fixture has every kind of line: a default and an
/// absent variable, names, a current context with the current task, a changed value, waiting and
/// done tasks, a long value, a wide (Japanese) value and garbage.
@Suite struct TreeGoldenTests {
    @Test func unicodeWidth80() {
        expectGolden(
            render(Fixtures.sixNodes, width: 80),
            """
            main thread
            │   request_id = None (default)
            │   user = <unset>
            ├── Context 0x7f3a1040 (ctx, copy_ctx)
            │   │   request_id = 'abc'
            │   └── Context 0x7f3a1140
            │           user = 'アリス'
            └── ▶ asyncio.run  current, entered  [▶ Task-1 running, current]
                │   request_id = 'xyz'  ← changed
                ├── Context 0x7f3a10c0  [Task-2 waiting on sleep]
                │       request_id = 'xyz'
                └── Context 0x7f3a1100  [Task-3 done → 42]
                        request_id = 'a very long request identifier'
            + 2 unreachable contexts (garbage)
            """)
    }

    @Test func asciiWidth40() {
        expectGolden(
            render(Fixtures.sixNodes, width: 40, unicode: false),
            """
            main thread
            |   request_id = None (default)
            |   user = <unset>
            |-- Context 0x7f3a1040 (ctx, copy_ctx)
            |   |   request_id = 'abc'
            |   `-- Context 0x7f3a1140
            |           user = 'アリス'
            `-- > asyncio.run  current, entered
                |   [> Task-1 running, current]
                |   request_id = 'xyz'  <- changed
                |-- Context 0x7f3a10c0
                |       [Task-2 waiting on sleep]
                |       request_id = 'xyz'
                `-- Context 0x7f3a1100
                        [Task-3 done -> 42]
                        request_id = 'a very long...
            + 2 unreachable contexts (garbage)
            """)
    }

    @Test func unicodeWidth40() {
        expectGolden(
            render(Fixtures.sixNodes, width: 40),
            """
            main thread
            │   request_id = None (default)
            │   user = <unset>
            ├── Context 0x7f3a1040 (ctx, copy_ctx)
            │   │   request_id = 'abc'
            │   └── Context 0x7f3a1140
            │           user = 'アリス'
            └── ▶ asyncio.run  current, entered
                │   [▶ Task-1 running, current]
                │   request_id = 'xyz'  ← changed
                ├── Context 0x7f3a10c0
                │       [Task-2 waiting on sleep]
                │       request_id = 'xyz'
                └── Context 0x7f3a1100
                        [Task-3 done → 42]
                        request_id = 'a very long r…
            + 2 unreachable contexts (garbage)
            """)
    }

    @Test func asciiWidth80() {
        expectGolden(
            render(Fixtures.sixNodes, width: 80, unicode: false),
            """
            main thread
            |   request_id = None (default)
            |   user = <unset>
            |-- Context 0x7f3a1040 (ctx, copy_ctx)
            |   |   request_id = 'abc'
            |   `-- Context 0x7f3a1140
            |           user = 'アリス'
            `-- > asyncio.run  current, entered  [> Task-1 running, current]
                |   request_id = 'xyz'  <- changed
                |-- Context 0x7f3a10c0  [Task-2 waiting on sleep]
                |       request_id = 'xyz'
                `-- Context 0x7f3a1100  [Task-3 done -> 42]
                        request_id = 'a very long request identifier'
            + 2 unreachable contexts (garbage)
            """)
    }

    /// Colour repeats what the text says; `{…}` stands for the SGR escapes.
    @Test func colorUnicodeWidth80() {
        expectGolden(
            render(Fixtures.sixNodes, width: 80, color: true).map(visibleEscapes),
            """
            main thread
            │   {36}request_id{0} = {2}None (default){0}
            │   {36}user{0} = {2}<unset>{0}
            ├── Context 0x7f3a1040{1} (ctx, copy_ctx){0}
            │   │   {36}request_id{0} = 'abc'
            │   └── Context 0x7f3a1140
            │           {36}user{0} = 'アリス'
            └── {1;32}▶ {0}asyncio.run  {1;32}current{0}, {2}entered{0}  {1;32}[▶ Task-1 running, current]{0}
                │   {36}request_id{0} = {1;33}'xyz'{0}  {1;33}← changed{0}
                ├── Context 0x7f3a10c0  {36}[Task-2 waiting on sleep]{0}
                │       {36}request_id{0} = 'xyz'
                └── Context 0x7f3a1100  {32}[Task-3 done → 42]{0}
                        {36}request_id{0} = 'a very long request identifier'
            {2}+ 2 unreachable contexts (garbage){0}
            """)
    }

    @Test func colorAsciiWidth40() {
        expectGolden(
            render(Fixtures.sixNodes, width: 40, unicode: false, color: true).map(visibleEscapes),
            """
            main thread
            |   {36}request_id{0} = {2}None (default){0}
            |   {36}user{0} = {2}<unset>{0}
            |-- Context 0x7f3a1040{1} (ctx, copy_ctx){0}
            |   |   {36}request_id{0} = 'abc'
            |   `-- Context 0x7f3a1140
            |           {36}user{0} = 'アリス'
            `-- {1;32}> {0}asyncio.run  {1;32}current{0}, {2}entered{0}
                |   {1;32}[> Task-1 running, current]{0}
                |   {36}request_id{0} = {1;33}'xyz'{0}  {1;33}<- changed{0}
                |-- Context 0x7f3a10c0
                |       {36}[Task-2 waiting on sleep]{0}
                |       {36}request_id{0} = 'xyz'
                `-- Context 0x7f3a1100
                        {32}[Task-3 done -> 42]{0}
                        {36}request_id{0} = 'a very long...
            {2}+ 2 unreachable contexts (garbage){0}
            """)
    }

    /// A 50-context tree (above the default fold threshold of 40) stays on one screen.
    @Test func foldedFiftyContexts() {
        expectGolden(
            render(Fixtures.wide(49, notableAt: 25), width: 60),
            """
            ▶ main thread  current
            ├── … 24 more contexts, unchanged
            ├── Context 25
            │       v = 25  ← changed
            └── … 24 more contexts, unchanged
            """)
    }

    /// Past the guide budget the outer levels collapse into `┆+N`, so text keeps its room.
    @Test func deepChainElidesOuterGuides() {
        expectGolden(
            render(Fixtures.chain(8), width: 24),
            """
            C0
            └── C1
                └── C2
            ┆+2 └── C3
            ┆+3 └── C4
            ┆+4 └── C5
            ┆+5 └── C6
            ┆+6 └── ▶ C7  current
            """)
    }
}
