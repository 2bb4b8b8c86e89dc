package lessonbook.model;

/**
 * What a Replace or Replace All did: {@code replaced} places in {@code cells} cells, and {@code leftAlone} places
 * in cells that may not be edited (a locked check, a notebook in another language), left as they were.
 */
public record ReplaceCount(int replaced, int cells, int leftAlone) {
}
