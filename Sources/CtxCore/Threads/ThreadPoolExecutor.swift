/// A simulated `concurrent.futures.ThreadPoolExecutor`.
///
/// Workers are `PyThread`s that keep their context for their whole life: a value set by one job is
/// seen by the next job on the same worker (CPython: no propagation into executors).
///
/// Determinism: jobs run at GIL release points (see `PyThread`) in submission order. As in
/// CPython's `_adjust_thread_count`, a job submitted while a worker is idle goes to the worker idle
/// the longest; otherwise a new worker starts while fewer than `maxWorkers` exist; otherwise the
/// job waits for the worker that frees first.
public final class ThreadPoolExecutor: PyObject {
    public let maxWorkers: Int
    public let namePrefix: String
    public private(set) var workers: [PyThread] = []
    private var idle: [PyThread] = []
    private var jobs: [(worker: PyThread?, run: (Runtime) -> Void)] = []
    public private(set) var isShutdown = false
    unowned let runtime: Runtime

    public init(runtime: Runtime, maxWorkers: Int, namePrefix: String) {
        self.maxWorkers = maxWorkers
        self.namePrefix = namePrefix
        self.runtime = runtime
        super.init(runtime: runtime)
        runtime.executors.append(self)
    }

    override public var typeName: String { "concurrent.futures.thread.ThreadPoolExecutor" }

    var hasPendingJobs: Bool { !jobs.isEmpty }

    /// Queues `job`; it runs in a worker thread, inside that worker's own context.
    public func submit(_ job: @escaping (Runtime) -> Void) throws {
        if isShutdown { throw runtime.error(.RuntimeError, "cannot schedule new futures after shutdown") }
        var worker: PyThread?
        if !idle.isEmpty {
            worker = idle.removeFirst()
        } else if workers.count < maxWorkers {
            let t = PyThread(
                runtime: runtime, name: "\(namePrefix)_\(workers.count)", target: nil)
            t.runContext = Context(runtime: runtime, vars: [:], origin: nil, provenance: "thread \(t.name)")
            t.state = .running
            runtime.register(t)
            workers.append(t)
            worker = t
        }
        jobs.append((worker, job))
    }

    func runPendingJobs() {
        while !jobs.isEmpty {
            let (assigned, job) = jobs.removeFirst()
            let worker = assigned ?? (idle.isEmpty ? workers[0] : idle.removeFirst())
            runtime.inThread(worker) {
                // The worker's context stays entered for the thread's whole life (3.14 Thread.run).
                _ = try? worker.runContext!.run(runtime) { job(runtime) }
            }
            idle.append(worker)
        }
    }

    /// `executor.shutdown(wait=True)`: runs what is queued, then stops the workers.
    public func shutdown() {
        runPendingJobs()
        isShutdown = true
        for w in workers { w.state = .finished }
    }
}
