/**
 * The messages between app and kernel: {@link lessonbook.kernel.protocol.KernelRequest} (app to kernel) and
 * {@link lessonbook.kernel.protocol.KernelEvent} (kernel to app), records only, and the framing that carries
 * them over the {@link lessonbook.process} object channel; and the one thing both ends agree on outside the
 * channel, where a kernel keeps its compiled cell classes ({@link lessonbook.kernel.protocol.KernelFolders}).
 *
 * <p>Who calls it: both ends, {@code kernel} in the kernel JVM and {@code kernel.client} in the app, and the
 * app's layers that read events ({@code session}, {@code ui}). It uses {@code model} and {@code process} only.
 * The records are immutable and safe to hand between threads.
 */
package lessonbook.kernel.protocol;
