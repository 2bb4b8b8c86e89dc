/**
 * Markdown prose cells rendered as JavaFX nodes ({@link lessonbook.ui.markdown.MarkdownView}): no WebView,
 * no scripts, no network. The shell calls
 * {@code new MarkdownView()}, {@code setBaseDirectory(lessonFolder)}, {@code setLinkHandler(hostServices::showDocument)}
 * and {@code setMarkdown(source)}; its colours come with {@link lessonbook.ui.editor.EditorTheme}.
 */
package lessonbook.ui.markdown;
