/**
 * The lesson Markdown format, read and written: a fenced {@code java} block is a code cell, an {@code output} block
 * after it its saved output, the prose between them Markdown cells ({@code LessonMarkdownReader},
 * {@code LessonMarkdownWriter}); rich outputs and worker timelines go in blocks of their own ({@code format.text}).
 * The reader is one linear pass over the lines; the writer escapes every character a cell can print so that
 * the reader reads back what it wrote. Pure, any thread.
 */
package lessonbook.format.md;
