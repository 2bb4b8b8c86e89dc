package lessonbook.model;

import java.io.Serializable;

/**
 * A compile error or warning, positioned in the text of the cell (not of the snippet JShell saw).
 * {@code start}/{@code end} are character offsets; {@code line} and {@code column} are 1-based.
 */
public record Diagnostic(boolean error, int start, int end, int line, int column, String message)
        implements Serializable {
}
