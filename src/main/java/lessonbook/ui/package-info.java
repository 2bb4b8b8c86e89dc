/**
 * The JavaFX window: a thin view of a {@link lessonbook.model.NotebookDocument} driven through a
 * {@link lessonbook.session.NotebookSession}. {@code NotebookWindow} composes it (menus, toolbar, cells, status
 * bar, file commands); {@code NotebookView} is the scrolled page of cells, laid out by {@code CellColumn}, drawn
 * lazily near the view ({@code LazyCellDrawing}) and kept in place while cells above grow ({@code ViewAnchor}).
 * Subpackages: the code editor ({@code ui.editor}), rendered prose ({@code ui.markdown}), a cell's output pane
 * ({@code ui.output}), tables, charts and worker lanes ({@code ui.richoutput}).
 * <p>
 * Threads: everything here runs on the FX thread. The session hands the document's changes over to it; nothing in
 * this package blocks on the kernel.
 */
package lessonbook.ui;
