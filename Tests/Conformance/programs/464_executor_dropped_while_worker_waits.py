# Found by the crash fuzzer (seed 9, case 3741): dropping the last reference to a ThreadPoolExecutor
# while its worker waits for a job freed the executor under the worker's wake-up (a trap).
import concurrent.futures
pool = concurrent.futures.ThreadPoolExecutor()
results = pool.map((), "%s")
pool = []
print("still running", results is not None)
