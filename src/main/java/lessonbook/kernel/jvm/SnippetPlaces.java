package lessonbook.kernel.jvm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import lessonbook.model.CellLine;

/**
 * Where each snippet the cells defined sits, so that a stack trace names the cell and line a student sees:
 * {@code at half (In [3], line 4)}, where JShell's own numbering says {@code half (#14:2)}: snippet 14, counted
 * with the kernel's start-up imports and every snippet of every cell before it, and line 2 of that snippet,
 * which may start anywhere in its cell. As IPython names "Cell In[3], line 4".
 * <p>
 * Threading: {@link #place} on the thread that evaluates cells, after JShell defined the snippet; {@link #where} on
 * that thread (the cell's own errors) and on the threads that read workers' output. Bounded: the last
 * {@value #MOST_SNIPPETS} snippets.
 */
final class SnippetPlaces {
    static final int MOST_SNIPPETS = 20_000;

    /** The run of a cell ({@code In [executionCount]}, from 1) a snippet came from, and the cell line its line 1 is on. */
    private record Place(int executionCount, int firstLine) {
    }

    private final Map<String, Place> bySnippet = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Place> eldest) {
            return size() > MOST_SNIPPETS;
        }
    });

    /** Records that snippet {@code snippetId}, run as {@code In [executionCount]}, has its line 1 on cell line {@code firstLine}. */
    void place(String snippetId, int executionCount, int firstLine) {
        bySnippet.put(snippetId, new Place(executionCount, firstLine));
    }

    /**
     * "In [3], line 4" for line {@code snippetLine} of the snippet as JShell numbers it (from its first character,
     * blank lines included); null for a snippet no cell placed (the kernel's own) or an unknown line.
     */
    String where(String snippetId, int snippetLine) {
        Place place = bySnippet.get(snippetId);
        if (place == null) {
            return null;
        }
        return new CellLine(place.executionCount(), snippetLine > 0 ? place.firstLine() + snippetLine - 1 : 0).text();
    }
}
