/**
 * The kernel JVM: everything here runs inside the child JVM that {@link lessonbook.kernel.client} starts, never in
 * the app. It owns the JShell that evaluates cells, the capture of what cells print (bounded: see
 * {@link lessonbook.kernel.jvm.OutputHub}), the dumping of cell classes for workers (their loops rotated first, so
 * that HotSpot compiles a loop a worker runs once as well as a method's: {@link lessonbook.kernel.jvm.LoopRotation}),
 * and the kernel's side of the worker host.
 *
 * <p>Who calls it: nothing in the app imports these classes; the app starts {@link lessonbook.kernel.jvm.KernelMain}
 * by name and speaks to it only through {@link lessonbook.kernel.protocol} messages on a socket. It uses
 * {@code model}, {@code kernel.protocol}, {@code process}, {@code workers} and {@code display}, and ASM; never JavaFX.
 *
 * <p>Threads: the kernel's main thread takes cells (and requests for the variables) in order and evaluates them;
 * the editor's questions (completions, documentation) have a thread of their own, which takes turns with the main
 * thread at JShell (not thread-safe) and gets it while a cell's code runs ({@link lessonbook.kernel.jvm.JShellTurns});
 * the socket reader thread queues requests and handles an interrupt itself, since the main thread is busy with the
 * cell to stop; a flusher thread sends coalesced output. Cell code runs on a thread of its own group and may start
 * more; those threads only append to bounded buffers, and only the flusher, the evaluating thread and the editor's
 * questions' thread write to the socket.
 */
package lessonbook.kernel.jvm;
