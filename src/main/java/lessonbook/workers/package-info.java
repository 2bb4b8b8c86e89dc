/**
 * Real worker processes for cells: Java's answer to Python's {@code multiprocessing}. This package is what a cell's
 * {@code import lessonbook.workers.*;} sees, the teaching API only; the runtime behind it (the host a kernel
 * installs, worker JVMs, the pool's engine) is {@link lessonbook.workers.runtime}, the shared objects' machinery
 * {@link lessonbook.workers.shared}.
 *
 * <h2>Python to Java</h2>
 * <table>
 * <caption>The tutorial's Python and its Java counterpart (cells {@code import lessonbook.workers.*;})</caption>
 * <tr><th>Python</th><th>Java</th></tr>
 * <tr><td>{@code import multiprocessing as mp}</td><td>{@code import lessonbook.workers.*;}</td></tr>
 * <tr><td>{@code p = Process(target=f, args=(x,))}</td><td>{@code var p = new Worker(() -> f(x));}</td></tr>
 * <tr><td>{@code Process(name="calc")}, {@code p.daemon = True}</td>
 *     <td>{@code .name("calc")}, {@code .daemon(true)} (before start)</td></tr>
 * <tr><td>{@code p.start()}, {@code p.join()}, {@code p.join(1.5)}</td>
 *     <td>{@code p.start()}, {@code p.join()}, {@code p.join(Duration.ofMillis(1500))} (true if it ended)</td></tr>
 * <tr><td>{@code p.pid}, {@code p.exitcode}, {@code p.is_alive()}, {@code p.name}, {@code p.daemon}</td>
 *     <td>{@code p.pid()}, {@code p.exitCode()} (null while running), {@code p.isAlive()}, {@code p.name()},
 *     {@code p.isDaemon()}</td></tr>
 * <tr><td>{@code p.terminate()}</td><td>{@code p.terminate()} (ends the process at once)</td></tr>
 * <tr><td>{@code Process-1}</td><td>{@code Worker-1}</td></tr>
 * <tr><td>{@code with Pool(4) as pool:} / {@code Pool()}</td>
 *     <td>{@code try (var pool = new WorkerPool(4)) {...}} / {@code new WorkerPool()} (cpu count)</td></tr>
 * <tr><td>{@code pool.map(f, xs)}</td><td>{@code pool.map(x -> f(x), xs)} (input order)</td></tr>
 * <tr><td>{@code pool.map_async(f, xs).get()}</td><td>{@code pool.mapAsync(x -> f(x), xs).get()}
 *     ({@code CompletableFuture})</td></tr>
 * <tr><td>{@code pool.map(f, xs, chunksize)}</td><td>{@code pool.map(x -> f(x), xs, chunkSize)} (default: Python's,
 *     about four chunks per worker)</td></tr>
 * <tr><td>{@code pool.apply(f, (x,))}, {@code pool.apply_async(f, (x,), callback=cb)}</td>
 *     <td>{@code pool.apply(x -> f(x), x)}, {@code pool.applyAsync(x -> f(x), x).thenAccept(r -> cb(r))}</td></tr>
 * <tr><td>{@code pool.starmap(f, [(1, 2), (3, 4)])}</td><td>{@code pool.starmap((a, b) -> f(a, b),
 *     List.of(List.of(1, 2), List.of(3, 4)))}, or pairs: {@code List.of(Map.entry("a", 2))}</td></tr>
 * <tr><td>{@code pool.imap(f, xs)}</td><td>{@code pool.imap(x -> f(x), xs)} (an Iterable, in input order, reads
 *     its input only a bounded window ahead)</td></tr>
 * <tr><td>{@code pool.imap_unordered(f, xs)}</td><td>{@code pool.mapUnordered(x -> f(x), xs)} (an Iterable)</td></tr>
 * <tr><td>{@code Pool(n, initializer=init, maxtasksperchild=k)}</td><td>{@code new WorkerPool(n, new PoolOptions()
 *     .initializer(() -> init()).maxTasksPerWorker(k))}</td></tr>
 * <tr><td>{@code ForkPoolWorker-1}</td><td>{@code PoolWorker-1}</td></tr>
 * <tr><td>{@code mp.current_process().name}</td><td>{@code CurrentProcess.name()} ("MainProcess" in the kernel)</td></tr>
 * <tr><td>{@code os.getpid()}, {@code os.getppid()}</td>
 *     <td>{@code ProcessHandle.current().pid()}, {@code CurrentProcess.parentPid()}</td></tr>
 * <tr><td>{@code mp.cpu_count()}</td><td>{@code Runtime.getRuntime().availableProcessors()}</td></tr>
 * <tr><td>exception in a Process: traceback on stderr, exitcode 1</td><td>the same: stack trace on the worker's
 *     stderr (in the cell), exit code 1</td></tr>
 * <tr><td>a child ends with {@code os._exit()}: no {@code atexit} handlers</td><td>the same: a worker whose task
 *     returned halts without shutdown hooks; {@code System.exit(n)} in a task runs them, exit code n</td></tr>
 * <tr><td>exception in {@code pool.map}: re-raised</td><td>{@link lessonbook.workers.WorkerException} with the
 *     worker's exception class, message and stack trace</td></tr>
 * <tr><td>a pool worker killed: {@code map} may hang</td><td>{@link lessonbook.workers.WorkerDiedException}
 *     at once; the pool starts a replacement</td></tr>
 * <tr><td>an initializer that raises: the pool restarts workers forever</td><td>every call fails with a
 *     {@link lessonbook.workers.WorkerException} naming it; no worker is restarted</td></tr>
 * <tr><td>a result that cannot be pickled: {@code MaybeEncodingError}</td><td>{@link
 *     lessonbook.workers.WorkerException} naming the input and the class that is not Serializable</td></tr>
 * <tr><td>{@code Queue}, {@code Lock}, {@code Value}, {@code Array}, {@code Pipe}, {@code Event},
 *     {@code Semaphore}, {@code Barrier}</td><td>{@link lessonbook.workers.WorkerQueue},
 *     {@link lessonbook.workers.WorkerLock}, {@link lessonbook.workers.SharedLong},
 *     {@link lessonbook.workers.SharedLongArray} / {@link lessonbook.workers.SharedDoubleArray},
 *     {@link lessonbook.workers.WorkerPipe}, {@link lessonbook.workers.WorkerEvent},
 *     {@link lessonbook.workers.WorkerSemaphore}, {@link lessonbook.workers.WorkerBarrier}: real shared memory,
 *     see {@link lessonbook.workers.shared}</td></tr>
 * <tr><td>as many processes as memory holds</td><td>a worker is a whole JVM (~45 MB): a notebook has at most
 *     one alive per 256 MiB of memory (8 to 64, {@code -Dlessonbook.workers.max}), a worker 2, a worker's worker
 *     none; the start past that throws an {@code IllegalStateException} that says so</td></tr>
 * </table>
 *
 * <h2>How it works</h2>
 * A worker is a child JVM ({@code java -cp <runtime> lessonbook.workers.runtime.WorkerMain}) that connects back over a
 * loopback socket and proves itself with secrets it read from its stdin (never its command line; see
 * {@link lessonbook.process}); tasks, results and failures travel on that socket as allow-listed serialized
 * objects, user values inside them as bytes read through their own allow-list, while the worker's stdout and stderr carry only what user code prints, drained line by line by two
 * threads of the starting JVM. User classes (the kernel's dump folder of cell classes) load through a fresh
 * class loader per class generation, so a worker started after a redefinition runs the new code. The starting
 * JVM holds the worker's stdin open and writes nothing after the secrets: end of input means the parent died,
 * and the worker ends its own children and itself (this is how a SIGKILLed kernel's workers end, on every OS). A few idle spare worker JVMs are kept ready
 * so that starting a worker costs milliseconds, not a JVM start.
 */
package lessonbook.workers;
