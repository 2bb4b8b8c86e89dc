/**
 * A lesson as a file, whatever its format: {@link lessonbook.format.files.LessonFiles} opens and saves by extension
 * ({@code .md}, {@code .ipynb}) within the size limits and with an atomic write, {@link
 * lessonbook.format.files.Exporter} exports (HTML, Markdown, {@code .ipynb}), {@link
 * lessonbook.format.files.RecoveryStore} keeps unsaved edits in a recovery file beside the lesson (or in the user's
 * folder when the lesson's folder is read-only), and {@link lessonbook.format.files.BundledLessons} lists the lessons
 * that ship with the app. It sits above the formats it dispatches to, so that they never use it.
 * <p>
 * Threads: any thread, no state kept between calls; a caller must not save the same file from two threads at once.
 * {@code RecoveryStore.autosave} saves on a daemon thread of its own.
 */
package lessonbook.format.files;
