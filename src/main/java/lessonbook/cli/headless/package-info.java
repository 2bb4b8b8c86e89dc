/**
 * Running a notebook without a window, for {@code run} and for {@code grade} alike: {@link
 * lessonbook.cli.headless.HeadlessRun} drives one {@link lessonbook.session.NotebookSession} (the one the window
 * drives) cell by cell and prints each change of the document as it comes; {@code HeadlessInput} answers a cell's
 * reads of {@code System.in} from the run's own standard input. A package of its own so that both commands use it
 * without {@code lessonbook.cli} and {@code lessonbook.cli.grade} using each other ({@code ArchitectureTest}).
 * <p>
 * Threads: the document and the session live on the run's own thread ("lessonbook-run"), which also prints; the
 * caller only waits, bounded, for each cell's end; standard input is read on a thread of its own.
 */
package lessonbook.cli.headless;
