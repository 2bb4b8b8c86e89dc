package lessonbook.model;

import java.util.Map;

/** Questions about a cell that its metadata answers. */
public final class Cells {
    private Cells() {
    }

    /**
     * False for a cell the notebook's author locked: Jupyter's {@code "editable": false} or an nbgrader cell marked
     * {@code "locked": true} (a read-only cell of an assignment). Views and the document refuse to edit it.
     */
    public static boolean isEditable(Cell cell) {
        Map<String, Object> metadata = cell.metadata();
        if (Boolean.FALSE.equals(metadata.get("editable"))) {
            return false;
        }
        return !(metadata.get("nbgrader") instanceof Map<?, ?> nbgrader && Boolean.TRUE.equals(nbgrader.get("locked")));
    }
}
