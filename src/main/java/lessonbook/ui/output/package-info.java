/**
 * A code cell's output pane ({@link lessonbook.ui.output.OutputPane}): its lines in a virtualized list with a cap
 * and a count of what it hid, long lines wrapped into rows ({@code RowWrapper}, {@code LineBuilder}, pure logic
 * without JavaFX), worker lines coloured and filtered by worker ({@code WorkerFilter}), folded exceptions, an
 * input field for {@code System.in}, and the charts, tables and worker lanes placed among the lines
 * ({@code ChartsAndLanes}). FX thread only; outputs arrive in batches handed over by the session.
 */
package lessonbook.ui.output;
