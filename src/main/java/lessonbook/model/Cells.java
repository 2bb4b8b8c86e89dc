package lessonbook.model;

import java.util.LinkedHashMap;
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

    /**
     * True when the cell's output is to be hidden (Jupyter's O): JupyterLab's {@code "jupyter": {"outputs_hidden":
     * true}} or the classic Notebook's {@code "collapsed": true}, so a notebook hidden in either opens hidden here.
     */
    public static boolean isOutputHidden(Cell cell) {
        Map<String, Object> metadata = cell.metadata();
        return Boolean.TRUE.equals(metadata.get(COLLAPSED))
                || metadata.get(JUPYTER) instanceof Map<?, ?> jupyter && Boolean.TRUE.equals(jupyter.get(OUTPUTS_HIDDEN));
    }

    /** True when the cell's code is to be hidden: JupyterLab's {@code "jupyter": {"source_hidden": true}}. */
    public static boolean isSourceHidden(Cell cell) {
        return cell.metadata().get(JUPYTER) instanceof Map<?, ?> jupyter && Boolean.TRUE.equals(jupyter.get(SOURCE_HIDDEN));
    }

    /** The metadata with the output hidden or shown, written in both tools' keys (the others kept as they are). */
    static Map<String, Object> withOutputHidden(Map<String, Object> metadata, boolean hidden) {
        Map<String, Object> next = withJupyterFlag(metadata, OUTPUTS_HIDDEN, hidden);
        if (hidden) {
            next.put(COLLAPSED, true);
        } else {
            next.remove(COLLAPSED);
        }
        return java.util.Collections.unmodifiableMap(next);
    }

    /** The metadata with the code hidden or shown, as JupyterLab keeps it. */
    static Map<String, Object> withSourceHidden(Map<String, Object> metadata, boolean hidden) {
        return java.util.Collections.unmodifiableMap(withJupyterFlag(metadata, SOURCE_HIDDEN, hidden));
    }

    /** A copy of the metadata with {@code "jupyter": {key: true}} set, or that key taken out (and an empty map). */
    private static Map<String, Object> withJupyterFlag(Map<String, Object> metadata, String key, boolean on) {
        Map<String, Object> next = new LinkedHashMap<>(metadata);
        Map<String, Object> jupyter = next.get(JUPYTER) instanceof Map<?, ?> m ? copy(m) : new LinkedHashMap<>();
        if (on) {
            jupyter.put(key, true);
        } else {
            jupyter.remove(key);
        }
        if (jupyter.isEmpty()) {
            next.remove(JUPYTER);
        } else {
            next.put(JUPYTER, java.util.Collections.unmodifiableMap(jupyter));
        }
        return next;
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    private static final String COLLAPSED = "collapsed";
    private static final String JUPYTER = "jupyter";
    private static final String OUTPUTS_HIDDEN = "outputs_hidden";
    private static final String SOURCE_HIDDEN = "source_hidden";
}
