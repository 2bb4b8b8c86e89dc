/**
 * Running a notebook: {@link lessonbook.session.NotebookSession} owns a document's cell states and its kernel;
 * the window and the headless {@code run} both drive it and only render what the document tells them.
 *
 * <h2>The output path, from a cell's {@code println} (or a worker's line) to the screen</h2>
 * <pre>
 * KERNEL JVM
 *   cell thread, or a thread it started ── System.out/err (PrintStream) ──┐
 *   worker JVM stdout pipe ── OutputPump thread (stamps the line's time) ──┤ WorkerLine, WorkerEvent
 *                                                                          v
 *   OutputHub (kernel/jvm/OutputHub): per cell run a HEAD of 256 KB goes on as printed; past it, a rolling
 *     TAIL of 32 KB (OutputTail) plus a count of what fell out. Bounds: 256 KB waiting for the socket
 *     (head writers wait), tails never wait, at most 4,096 worker events a run.
 *   flusher thread: one message per (cell, stream) every 25 ms or 8 KB; a tail every 250 ms, behind an
 *     Omitted marker ("... 98,765,432 lines (1.4 GB) not kept ...")
 *                                                                          v  loopback socket
 * APP (or the run command)
 *   kernel/client socket reader thread ── ListenerDispatch: one event thread, in order ──┐
 *                                                                                        v
 *   OutputCoalescer (this package): joins writes, hands a batch to the document thread at most every
 *     50 ms (100 ms in a flood, backing off to 500 ms when that thread is congested); at most 4 MB of
 *     text waits, the rest is counted into a marker.
 *                                                                          v  Platform.runLater / run thread
 *   NotebookSession.apply on the document thread: NotebookDocument.appendOutputs keeps a cell's first
 *     256 K and last 64 K characters with one marker between (model/OutputBudget), control characters
 *     written as Java escapes; fires OutputsAppended.
 *                                                                          v
 *   window: OutputPane/LineBuilder turn the new outputs into rows, keeping the last 2,000 rows;
 *   run: HeadlessRun prints the new outputs under their [n] header.
 *   Saved files (.md, .ipynb, HTML) write the document's outputs, marker included, and read it back.
 * </pre>
 * <h2>Live worker activity (transient: shown, never kept)</h2>
 * <pre>
 * worker JVM: WaitReporter (every 100 ms, on change) ── Messages.Waits on its control channel ──┐
 * kernel JVM: CpuSampler (/proc, every ~500 ms) and KernelWaitReporter (the cell's own waits) ──┤
 *   KernelWorkerHost ── OutputHub.offerActivity: newest per (kind, worker), sent with the next flush
 *     as KernelEvent.WorkerCpu / WorkerWaits, outside every cell's output budget
 * APP: KernelListener.onWorkerActivity ── WorkerActivityRelay (this package): newest per (kind, worker),
 *   one hand-over queued on the document thread ── NotebookWindow ── OutputPane ── WorkerLanesView
 * </pre>
 * The document never sees it: a saved or reopened lesson has the workers' exits (with their CPU time), not this.
 *
 * So whatever a cell prints, the socket carries about 128 KB a second for it, the app holds about 330 KB
 * for it, and its file about as much. A cell's one end signal is the future {@code Kernel.execute} returns,
 * completed after the cell's own output; it travels the same coalescer, so the end is applied after that output.
 */
package lessonbook.session;
