/**
 * The notebook as data: {@link lessonbook.model.Notebook}, its cells and their outputs as immutable records,
 * plus {@link lessonbook.model.NotebookDocument}, the one place a notebook changes (edits, file, unsaved mark,
 * each cell's runtime state), and the bounds every output obeys ({@link lessonbook.model.OutputBudget}).
 *
 * <p>Who calls it: every other layer. It uses the JDK only: no JavaFX, no JShell, no other package of the app,
 * so the same model serves the window, the headless commands and the kernel's messages.
 *
 * <p>Threads: the records are immutable and may be passed anywhere. A {@code NotebookDocument} is confined to
 * the thread that created it (the FX thread in the app) and fails loudly when called from another; output from
 * a kernel must be handed over to that thread first.
 */
package lessonbook.model;
