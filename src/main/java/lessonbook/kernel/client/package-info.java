/**
 * The app's side of a kernel: starts, watches, interrupts, restarts and stops kernel JVMs, queues cells for
 * them, and turns the kernel's messages into calls on a {@link lessonbook.kernel.client.KernelListener} and
 * completed futures. {@link lessonbook.kernel.client.Kernel} is the interface the rest of the app sees;
 * {@link lessonbook.kernel.client.JvmKernel} the real one.
 *
 * <p>Who calls it: {@code session}, {@code ui} and {@code cli} (tests use scripted kernels behind the same
 * interface). It uses {@code kernel.protocol}, {@code model} and {@code process}, and names the kernel's main
 * class only as a string: no class of {@code lessonbook.kernel} is loaded in the app.
 *
 * <p>Threads: {@code Kernel} is thread-safe. Each kernel process has reader threads for its socket and its
 * stdout/stderr; listeners are called on one event thread of the client's own, in the order things happened,
 * never on the FX thread, and a cell's future completes on that thread after the cell's output was told. A UI
 * must hand each call over to its own thread (and coalesce: see {@link lessonbook.session}).
 */
package lessonbook.kernel.client;
