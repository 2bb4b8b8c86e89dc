/**
 * Notebooks on disk: reading and writing lesson Markdown ({@code md}) and Jupyter {@code .ipynb}
 * ({@code ipynb}) through {@link lessonbook.format.LessonFiles}, HTML export ({@code html}), crash-safe saves
 * ({@link lessonbook.format.AtomicFileWriter}), recovery files for unsaved edits
 * ({@link lessonbook.format.RecoveryStore}) and the lessons bundled with the app. Malformed or hostile files
 * are refused with a {@link lessonbook.format.LessonFormatException} that names the file and the line.
 *
 * <p>Who calls it: {@code ui} and {@code cli}. It uses {@code model} only (and CommonMark and Jackson); never
 * JavaFX or a kernel.
 *
 * <p>Threads: readers and writers keep no state between calls and may run on any thread; a caller must not
 * save the same file from two threads at once. {@code RecoveryStore.autosave} saves on a daemon thread of its
 * own, from the notebook its supplier returns.
 */
package lessonbook.format;
