/**
 * The kernel JVM: everything here runs inside the child JVM that {@link lessonbook.kernel.client} starts, never in
 * the app. It owns the JShell that evaluates cells, the capture of what cells print (bounded: see
 * {@link lessonbook.kernel.jvm.OutputHub}), the dumping of cell classes for workers, and the kernel's side of the
 * worker host.
 *
 * <p>Who calls it: nothing in the app imports these classes; the app starts {@link lessonbook.kernel.jvm.KernelMain}
 * by name and speaks to it only through {@link lessonbook.kernel.protocol} messages on a socket. It uses
 * {@code model}, {@code kernel.protocol}, {@code process}, {@code workers} and {@code display}; never JavaFX.
 *
 * <p>Threads: the kernel's main thread takes requests in order and evaluates cells, completions and
 * documentation one at a time (JShell is not thread-safe); the socket reader thread queues requests and handles
 * an interrupt itself, since the main thread is busy with the cell to stop; a flusher thread sends coalesced
 * output. Cell code runs on a
 * thread of its own group and may start more; those threads only append to bounded buffers, and only the
 * flusher and the evaluating thread write to the socket.
 */
package lessonbook.kernel.jvm;
