/**
 * Tables and charts for cells ({@code import lessonbook.display.*;}): {@link lessonbook.display.Display},
 * {@link lessonbook.display.Chart}, {@link lessonbook.display.Table} and exercise checks
 * ({@link lessonbook.display.Check}).
 *
 * <p>Who calls it: cell code in the kernel JVM and in worker processes; the kernel turns what it produces into
 * rich outputs. It uses {@code model} only; no JavaFX (the window draws the outputs in {@code ui.richoutput}).
 * Outside a kernel the same calls print text.
 */
package lessonbook.display;
