/**
 * A notebook as one self-contained HTML page ({@link lessonbook.format.html.HtmlExporter}): prose rendered,
 * code highlighted with the app's tokenizer, outputs as the window shows them, charts as SVG ({@code ChartSvg}).
 * Nothing from the notebook reaches the page unescaped, and the page's Content-Security-Policy forbids scripts.
 * Pure apart from the file it writes; any thread.
 */
package lessonbook.format.html;
