import Testing
import CtxCore
@testable import CtxLang

/// `threading`'s locks on simulated threads: what conformance 419 and 424 cannot show against
/// CPython, which hangs where ctxlab reports a deadlock, and the error texts checked one by one.
@Suite struct ThreadLockTests {
    /// Runs `source` as `ctxlab run` does: stdout, stderr (addresses as `0x…`) and the exit
    /// status. `interruptAfterPolls` raises the interrupt flag (Ctrl-C) at that poll.
    func run(_ source: String, interruptAfterPolls: Int? = nil) -> (out: String, err: String, status: Int32) {
        let rt = Runtime()
        var out = "", err = ""
        rt.write = { text, toErr in if toErr { err += text } else { out += text } }
        let interpreter = Interpreter(runtime: rt, seed: 1)
        if let n = interruptAfterPolls {
            var polls = 0
            interpreter.interruptRequested = {
                polls += 1
                return polls >= n
            }
        }
        let outcome = Program.run(source, filename: "t.py", interpreter: interpreter)
        return (out.replacing(/0x[0-9a-f]+/, with: "0x…"), err.replacing(/0x[0-9a-f]+/, with: "0x…"), outcome.exitStatus)
    }

    @Test func mainThreadAcquiringItsOwnLockIsADeadlock() {
        let r = run("""
            import threading
            lock = threading.Lock()
            lock.acquire()
            print("holding")
            lock.acquire()
            print("never")
            """)
        #expect(r.out == "holding\n")
        #expect(r.status == 1)
        #expect(r.err == """
            ctxlab: deadlock: the program is still waiting, and every thread it waits for waits for ever (CPython would wait forever):
              MainThread, line 5 in <module>, waits for ever to acquire <locked _thread.lock object at 0x…>

            """)
    }

    @Test func twoThreadsTakingTwoLocksInOppositeOrderAreReportedTogether() {
        let r = run("""
            import threading, time
            a, b = threading.Lock(), threading.Lock()
            def one():
                with a:
                    time.sleep(0.1)
                    with b:
                        pass
            def two():
                with b:
                    time.sleep(0.1)
                    with a:
                        pass
            t1, t2 = threading.Thread(target=one), threading.Thread(target=two)
            t1.start(); t2.start()
            t1.join()
            """)
        #expect(r.status == 1)
        let lines = r.err.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(r.err)")
        #expect(lines.first?.hasPrefix("ctxlab: deadlock:") == true)
        #expect(lines.dropFirst().first?.hasPrefix("  Thread-1 (one), line 6 in one, waits for ever to acquire <locked _thread.lock object at 0x…>") == true, "\(r.err)")
        #expect(lines.dropFirst(2).first?.hasPrefix("  Thread-2 (two), line 11 in two, waits for ever to acquire <locked _thread.lock object at 0x…>") == true, "\(r.err)")
    }

    /// CPython's interpreter exit joins the thread, which never ends.
    @Test func aThreadWaitingForAnEventNobodySetsIsADeadlockAtExit() {
        let r = run("""
            import threading
            ev = threading.Event()
            def w():
                ev.wait()
            threading.Thread(target=w).start()
            print("main done")
            """)
        #expect(r.out == "main done\n")
        #expect(r.status == 1)
        #expect(r.err.hasSuffix("\n  Thread-1 (w), line 4 in w, waits for ever to acquire <locked _thread.lock object at 0x…>\n"), "\(r.err)")
    }

    /// A daemon thread is not waited for: the program ends normally.
    @Test func aDaemonThreadWaitingForEverIsNotADeadlock() {
        let r = run("""
            import threading
            ev = threading.Event()
            threading.Thread(target=ev.wait, daemon=True).start()
            print("bye")
            """)
        #expect(r.out == "bye\n" && r.err == "" && r.status == 0)
    }

    /// A timeout ends the wait instead: nothing to report.
    @Test func waitsWithATimeoutGiveUpAtTheirDeadline() {
        let r = run("""
            import threading, time
            lock = threading.Lock()
            lock.acquire()
            got = []
            t = threading.Thread(target=lambda: got.append(lock.acquire(timeout=0.5)))
            t.start(); t.join()
            start = time.monotonic()
            print(got, lock.acquire(timeout=0.25), round(time.monotonic() - start, 2))
            print(threading.Event().wait(1.5), round(time.monotonic() - start, 2))
            """)
        #expect(r.out == "[False] False 0.25\nFalse 1.75\n", "\(r.err)")
        #expect(r.status == 0)
    }

    @Test(arguments: [
        ("threading.Lock().release()", "RuntimeError: release unlocked lock"),
        ("threading.RLock().release()", "RuntimeError: cannot release un-acquired lock"),
        ("threading.Condition().wait()", "RuntimeError: cannot wait on un-acquired lock"),
        ("threading.Condition().notify()", "RuntimeError: cannot notify on un-acquired lock"),
        ("threading.Semaphore(-1)", "ValueError: semaphore initial value must be >= 0"),
        ("s = threading.BoundedSemaphore(1); s.release()", "ValueError: Semaphore released too many times"),
        ("threading.Semaphore().acquire(False, 1)", "ValueError: can't specify timeout for non-blocking acquire"),
        ("threading.Lock().acquire(False, 1)", "ValueError: can't specify a timeout for a non-blocking call"),
        ("threading.Lock().acquire(timeout=-0.5)", "ValueError: timeout value must be a non-negative number"),
        ("threading.Lock().acquire(timeout=float('nan'))", "ValueError: Invalid value NaN (not a number)"),
        ("threading.Lock().acquire(timeout=1e10)", "OverflowError: timestamp out of range for platform time_t"),
        ("threading.Lock().acquire(timeout=2**40)", "OverflowError: timestamp too large to convert to C PyTime_t"),
        ("threading.Lock().acquire(timeout='1')", "TypeError: 'str' object cannot be interpreted as an integer"),
        ("threading.Lock().acquire(1, 2, 3)", "TypeError: acquire() takes at most 2 arguments (3 given)"),
        ("threading.Lock(1)", "TypeError: lock expected 0 arguments, got 1"),
        ("threading.Lock().locked(1)", "TypeError: lock.locked() takes no arguments (1 given)"),
        ("threading.Barrier(0)", "ValueError: parties must be > 0"),
        ("threading.Barrier(2, timeout=0.1).wait()", "threading.BrokenBarrierError"),
    ])
    func errorsHaveCPythonsTexts(statement: String, lastLine: String) {
        let r = run("import threading\n\(statement)\n")
        #expect(r.status == 1)
        #expect(r.err.split(separator: "\n").last.map(String.init) == lastLine, "\(r.err)")
    }

    /// Reprs as CPython 3.13 writes them.
    @Test func reprs() {
        let r = run("""
            import threading
            lock = threading.Lock()
            print(lock); lock.acquire(); print(lock)
            print(threading.RLock())
            print(threading.Condition(lock))
            print(threading.Event(), threading.Semaphore(3), threading.BoundedSemaphore(2))
            print(threading.Barrier(4), threading.Timer(1, print))
            """)
        #expect(r.out == """
            <unlocked _thread.lock object at 0x…>
            <locked _thread.lock object at 0x…>
            <unlocked _thread.RLock object owner=0 count=0 at 0x…>
            <Condition(<locked _thread.lock object at 0x…>, 0)>
            <threading.Event at 0x…: unset> <threading.Semaphore at 0x…: value=3> <threading.BoundedSemaphore at 0x…: value=2/2>
            <threading.Barrier at 0x…: waiters=0/4> <Timer(Thread-1, initial)>

            """, "\(r.err)")
    }

    /// A main thread that polls a lock nobody releases spins in virtual time; Ctrl-C ends it.
    @Test func ctrlCInterruptsAMainThreadPollingALock() {
        let r = run("""
            import threading
            lock = threading.Lock()
            lock.acquire()
            while not lock.acquire(timeout=0.01):
                pass
            """, interruptAfterPolls: 3)
        #expect(r.err.hasSuffix("KeyboardInterrupt\n"), "\(r.err)")
    }

    /// The holder sleeps with the lock; the waiter gets it when it is released, at that time.
    @Test func aBlockedThreadGoesOnWhenTheHolderReleases() {
        let r = run("""
            import threading, time
            lock = threading.Lock()
            log = []
            def holder():
                with lock:
                    log.append(("holder", round(time.monotonic(), 2)))
                    time.sleep(0.3)
            def waiter():
                with lock:
                    log.append(("waiter", round(time.monotonic(), 2)))
            ts = [threading.Thread(target=holder), threading.Thread(target=waiter)]
            for t in ts: t.start()
            print("started", lock.locked())
            for t in ts: t.join()
            print(log, lock.locked())
            """)
        #expect(r.out == "started True\n[('holder', 0.0), ('waiter', 0.3)] False\n", "\(r.err)")
    }
}

extension ThreadLockTests {
    /// Ctrl-C while another thread runs (the main thread waits for an Event a looping daemon
    /// thread never sets) interrupts the main thread, as CPython delivers signals there; the
    /// daemon thread does not report it as its own exception.
    @Test func ctrlCWhileAnotherThreadRunsInterruptsTheMainThread() {
        let r = run("""
            import threading, time
            def spin():
                while True:
                    time.sleep(0.01)
            threading.Thread(target=spin, daemon=True).start()
            try:
                threading.Event().wait()
            except KeyboardInterrupt:
                print("interrupted in main")
            """, interruptAfterPolls: 3)
        #expect(r.out == "interrupted in main\n", "\(r.err)")
        #expect(!r.err.contains("Exception in thread"), "\(r.err)")
    }
}

extension ThreadLockTests {
    /// A release frees the lock and wakes the waiter, but the releaser keeps the GIL: taking the
    /// lock back at once succeeds (CPython 3.13.0: 20 times in 20), and the waiter gets it later.
    @Test func theReleaserTakesTheLockBackBeforeTheWokenWaiterRuns() {
        let r = run("""
            import threading, time
            lock = threading.Lock()
            log = []
            def waiter():
                with lock:
                    log.append("waiter")
            lock.acquire()
            t = threading.Thread(target=waiter)
            t.start()
            time.sleep(0.01)
            lock.release()
            log.append(lock.acquire(blocking=False))
            lock.release()
            t.join()
            print(log)
            """)
        #expect(r.out == "[True, 'waiter']\n", "\(r.err)")
    }

    /// `join(timeout)` gives up at its deadline; a plain join of a thread waiting for ever is
    /// the deadlock.
    @Test func joinWithATimeoutIsNoDeadlock() {
        let r = run("""
            import threading, time
            ev = threading.Event()
            t = threading.Thread(target=ev.wait)
            t.start()
            start = time.monotonic()
            t.join(0.5)
            print(t.is_alive(), round(time.monotonic() - start, 2))
            t.join()
            """)
        #expect(r.out == "True 0.5\n")
        #expect(r.err.hasPrefix("ctxlab: deadlock:") && r.err.contains("  Thread-1 (wait), in Event.wait, waits for ever"), "\(r.err)")
    }
}
