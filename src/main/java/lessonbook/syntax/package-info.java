/**
 * The one Java tokenizer ({@link lessonbook.syntax.JavaLexer}): the editor, Markdown code blocks and the HTML
 * export colour code alike. Pure functions of a string, JDK only, safe on any thread.
 */
package lessonbook.syntax;
