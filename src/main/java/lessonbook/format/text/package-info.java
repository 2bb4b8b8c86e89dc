/**
 * The plain-text blocks that keep tables, charts, checks and a cell's worker timeline in a lesson file
 * ({@link lessonbook.format.text.OutputBlocks}), readable as text and parsed back to equal records. Pure, any
 * thread.
 */
package lessonbook.format.text;
