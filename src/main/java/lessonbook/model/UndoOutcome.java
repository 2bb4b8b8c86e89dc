package lessonbook.model;

/**
 * What an Undo or Redo of a cell change did, for the window to show.
 *
 * @param changed      whether the notebook changed
 * @param message      for the status bar: "Undid Delete Cell", or why nothing was undone
 * @param selectCellId the cell the change gave back, to select; null when there is none
 */
public record UndoOutcome(boolean changed, String message, String selectCellId) {
}
