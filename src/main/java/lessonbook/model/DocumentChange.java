package lessonbook.model;

import java.nio.file.Path;
import java.util.List;

/** What changed in a {@link NotebookDocument}, so a view can update just that part. */
public sealed interface DocumentChange {

    /** Cells were added, removed, moved or replaced by another kind: the list itself changed. */
    record Structure() implements DocumentChange {
    }

    /** A cell's source, type-independent content or execution count changed (same id, same place). */
    record CellUpdated(String cellId) implements DocumentChange {
    }

    /** Outputs were appended to a code cell; {@code added} holds only the new ones, in order. */
    record OutputsAppended(String cellId, List<Output> added) implements DocumentChange {
    }

    record OutputsCleared(String cellId) implements DocumentChange {
    }

    record RuntimeChanged(String cellId, CellRuntime runtime) implements DocumentChange {
    }

    record DirtyChanged(boolean dirty) implements DocumentChange {
    }

    /** The document now belongs to another file (save as, open) or was replaced wholesale. */
    record FileChanged(Path file) implements DocumentChange {
    }
}
