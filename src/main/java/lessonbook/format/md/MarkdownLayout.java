package lessonbook.format.md;

import java.io.Serializable;
import java.util.Map;

/**
 * How a lesson file looked when it was read, so that saving an unedited lesson gives back the same bytes.
 * Kept in {@link lessonbook.model.Notebook#metadata()} under {@link #KEY}; other formats drop it on save.
 *
 * @param lineEnding "\n" or "\r\n", used for cells written anew
 * @param byteOrderMark the file began with a UTF-8 byte order mark
 * @param trailing the text after the last cell (blank lines, a final marker), reused while that cell stays last
 * @param lastCellId the id of the cell that was last
 * @param cells what each cell was read from, by cell id
 */
public record MarkdownLayout(String lineEnding, boolean byteOrderMark, String trailing, String lastCellId,
                             Map<String, CellText> cells) implements Serializable {

    /** The notebook metadata key; a name no Jupyter tool writes. */
    public static final String KEY = "lessonbook.markdown-layout";

    public MarkdownLayout {
        cells = Map.copyOf(cells);
    }

    /**
     * One cell as read.
     *
     * @param code a code cell (else prose)
     * @param source the cell's source as read; the raw text is reused only while the source is unchanged
     * @param outputText a code cell's saved output text as read ("" when it had no output block)
     * @param raw the exact text of the cell: prose lines, or the code fence with its output block
     * @param leading the separator before the cell (blank lines, {@code <!-- cell -->})
     * @param previousId the id of the cell before it (null for the first), so the separator is reused only
     *     next to the same neighbour
     * @param previousCode whether that neighbour was a code cell
     */
    public record CellText(boolean code, String source, String outputText, String raw, String leading,
                           String previousId, boolean previousCode) implements Serializable {
    }
}
