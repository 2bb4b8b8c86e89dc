package lessonbook.ui;

/**
 * What the menus and keys ask of the window itself (the rest goes to {@link RunCommands},
 * {@link CellEditCommands}, {@link LessonFileCommands}, {@link ExportCommands} and {@link Appearance}), so
 * {@link NotebookCommands} knows this much of {@link NotebookWindow} and no more. On the FX thread.
 */
interface WindowActions {
    void togglePresenter();

    /** View ▸ Show Solutions and Checks: the teacher hides them before showing an exercise to the class. */
    void toggleSolutions();

    void toggleHelp();

    /** View ▸ Outline: the lesson's headings beside the cells. */
    void toggleOutline();

    /** View ▸ Variables: what the notebook's variables hold, beside the cells. */
    void toggleVariables();

    /** Edit ▸ Find in Lesson: opens the bar that searches every cell's source. */
    void findInLesson();

    /** Edit ▸ Find and Replace in Lesson: the same bar with its replace row. */
    void replaceInLesson();

    /** Quit: asks about unsaved changes, then ends the kernel and closes the window. */
    void requestClose();
}
