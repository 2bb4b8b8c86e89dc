/**
 * Notebooks on disk: reading and writing lesson Markdown ({@code md}) and Jupyter {@code .ipynb}
 * ({@code ipynb}) through {@link lessonbook.format.files.LessonFiles}, HTML export ({@code html}), crash-safe saves
 * ({@link lessonbook.format.AtomicFileWriter}), recovery files for unsaved edits
 * ({@link lessonbook.format.files.RecoveryStore}) and the lessons bundled with the app. Malformed or hostile files
 * are refused with a {@link lessonbook.format.LessonFormatException} that names the file and the line.
 * <p>
 * Layers, arrows one way: this package holds what every format uses (the exception, bounded text reading
 * {@code TextFiles}, {@code AtomicFileWriter}, {@code Magics}, a lesson's outline and summary); the formats
 * ({@code md}, {@code ipynb}, {@code html}, {@code text}) build on it; {@code files} (open and save by extension,
 * export, recovery files, the bundled lessons) builds on the formats. {@code ArchitectureTest} holds them free of
 * cycles.
 *
 * <p>Who calls it: {@code ui} and {@code cli}. It uses {@code model} only (and CommonMark and Jackson); never
 * JavaFX or a kernel.
 *
 * <p>Threads: readers and writers keep no state between calls and may run on any thread; a caller must not
 * save the same file from two threads at once. {@code RecoveryStore.autosave} saves on a daemon thread of its
 * own, from the notebook its supplier returns.
 */
package lessonbook.format;
