package lessonbook.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Finds text in a lesson's cells, for the window's Find in Lesson bar: every place the query occurs in a cell's
 * source (ignoring case unless asked not to), in the order a reader meets them (cell by cell, then by offset). Outputs are not
 * searched. Bounded: a query of at most {@value #MAX_QUERY} characters, and at most {@value #MAX_HITS} hits, after
 * which the result says it stopped; a lesson file is at most 48 MB, so one search reads at most that much.
 */
public final class CellSearch {
    public static final int MAX_QUERY = 1_000;
    public static final int MAX_HITS = 10_000;

    private CellSearch() {
    }

    /** One occurrence: characters {@code start} (inclusive) to {@code end} (exclusive) of the cell's source. */
    public record Hit(String cellId, int start, int end) {
    }

    /** The hits in reading order; {@code stopped} when there were more than {@link #MAX_HITS}. */
    public record Result(List<Hit> hits, boolean stopped) {
        public Result {
            hits = List.copyOf(hits);
        }

        public static final Result NONE = new Result(List.of(), false);

        /** The first hit at or after {@code offset} in the cell at {@code cellIndex}, or in a later cell; 0 if none. */
        public int firstFrom(List<Cell> cells, int cellIndex, int offset) {
            java.util.Map<String, Integer> places = new java.util.HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                places.put(cells.get(i).id(), i);
            }
            for (int k = 0; k < hits.size(); k++) {
                int at = places.getOrDefault(hits.get(k).cellId(), -1);
                if (at > cellIndex || (at == cellIndex && hits.get(k).start() >= offset)) {
                    return k;
                }
            }
            return 0;
        }
    }

    /**
     * Searches the cells {@code searched} accepts (the window leaves out exercise cells whose solution it hides).
     * An empty query, or one longer than {@link #MAX_QUERY}, finds nothing.
     */
    public static Result find(List<Cell> cells, String query, Predicate<Cell> searched, boolean matchCase) {
        if (query.isEmpty() || query.length() > MAX_QUERY) {
            return Result.NONE;
        }
        List<Hit> hits = new ArrayList<>();
        for (Cell cell : cells) {
            if (!searched.test(cell)) {
                continue;
            }
            String source = cell.source();
            int last = source.length() - query.length();
            for (int at = 0; at <= last; at++) {
                if (source.regionMatches(!matchCase, at, query, 0, query.length())) {
                    if (hits.size() == MAX_HITS) {
                        return new Result(hits, true);
                    }
                    hits.add(new Hit(cell.id(), at, at + query.length()));
                    at += query.length() - 1;
                }
            }
        }
        return new Result(hits, false);
    }
}
