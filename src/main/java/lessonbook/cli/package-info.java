/**
 * The headless commands ({@code lessonbook run | export | student | grade}; {@code bench} is started by class name
 * only, as it lives in its own source folder): each parses its options, reads the lesson through
 * {@code lessonbook.format}, and prints what a user at a terminal needs, with an exit code a script can test.
 * Running a notebook's cells is {@link lessonbook.cli.headless.HeadlessRun}'s, driving the same session the window
 * drives; grading many submissions is {@code lessonbook.cli.grade}'s. No JavaFX here. A command runs on the thread
 * that called it ({@code main}).
 */
package lessonbook.cli;
