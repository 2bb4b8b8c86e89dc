package lessonbook.format.ipynb;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import lessonbook.model.Output;

/**
 * What each cell of a notebook was read from, so that saving an unedited notebook gives back equivalent JSON even
 * where our model is poorer than Jupyter's (images, HTML, a traceback's colours): the original JSON is reused while
 * the cell's source or outputs are unchanged. Kept in {@link lessonbook.model.Notebook#metadata()} under {@link #KEY}.
 */
public record IpynbLayout(Map<String, CellJson> cells, String notebookExtrasJson) implements Serializable {
    public static final String KEY = "lessonbook.ipynb-layout";

    public IpynbLayout {
        cells = Map.copyOf(cells);
    }

    /**
     * @param cellType "code", "markdown" or "raw" (a raw cell is shown as prose)
     * @param source the source as read
     * @param sourceJson the source node as written in the file (a string or a list of lines)
     * @param outputs the outputs as read
     * @param outputsJson the outputs array as written in the file
     * @param extrasJson the cell's other fields (attachments...), given back on save
     */
    public record CellJson(String cellType, String source, String sourceJson, List<Output> outputs,
                           String outputsJson, String extrasJson) implements Serializable {
        public CellJson {
            outputs = List.copyOf(outputs);
        }
    }
}
