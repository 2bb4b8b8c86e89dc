/**
 * The window's views of a cell's rich outputs: charts, tables and the worker lanes (what a cell shows with
 * {@code lessonbook.display} and what its workers do), and the ticking labels and clock they share with the cells.
 * The same outputs have a plain-text form in {@code model.RichOutputText}, a lesson-file form in {@code format.text}
 * and an HTML form in {@code format.html}; this package is only how the window draws them.
 *
 * <p>Who calls it: {@code ui} and {@code ui.output}. Threads: the FX thread only; anything that ticks shares one
 * cadence ({@link lessonbook.ui.richoutput.FxClock}) and repaints only its own region.
 */
package lessonbook.ui.richoutput;
