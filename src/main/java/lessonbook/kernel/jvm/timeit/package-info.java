/**
 * {@code %timeit}'s pure half: its options ({@link lessonbook.kernel.jvm.timeit.TimeitOptions}), the Java the
 * kernel writes around the timed code ({@link lessonbook.kernel.jvm.timeit.TimeitSource}), the measurement that code
 * calls ({@link lessonbook.kernel.jvm.timeit.Timeit}) and the line it shows
 * ({@link lessonbook.kernel.jvm.timeit.TimeitReport}). The JShell side is {@code kernel/jvm/CellTimeit}.
 *
 * <p>Public only because the code JShell compiles for a cell calls {@link lessonbook.kernel.jvm.timeit.Timeit} by
 * name; it runs in the kernel's JVM, on the cell's thread, and uses nothing but the JDK.
 */
package lessonbook.kernel.jvm.timeit;
