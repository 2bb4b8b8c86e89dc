package lessonbook.model;

import java.util.ArrayList;
import java.util.List;

/**
 * nbgrader's solution markers, in Java: the lines between {@code // BEGIN SOLUTION} and {@code // END SOLUTION}
 * are the teacher's answer. The student's copy has a placeholder that compiles in their place: a comment and a
 * {@code throw}, indented as the marker was. When more code follows in the same block the throw is written
 * {@code if (true) throw ...}, which Java does not count as ending the block, so that code is not "unreachable".
 */
public final class SolutionRegions {
    public static final String BEGIN = "// BEGIN SOLUTION";
    public static final String END = "// END SOLUTION";
    static final String COMMENT = "// YOUR CODE HERE";
    static final String THROW = "throw new UnsupportedOperationException(\"exercise not done yet\");";

    private SolutionRegions() {
    }

    public static boolean hasSolution(String source) {
        return source.lines().anyMatch(l -> l.strip().equals(BEGIN));
    }

    /**
     * {@code source} with every solution region replaced by the placeholder.
     *
     * @throws IllegalArgumentException if a region is not closed, or an end marker has no beginning (the
     *                                  message names the line)
     */
    public static String withPlaceholders(String source) {
        List<String> lines = List.of(source.split("\n", -1));
        List<String> out = new ArrayList<>(lines.size());
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            String marker = line.strip();
            if (marker.equals(END)) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + END + " without a " + BEGIN);
            }
            if (!marker.equals(BEGIN)) {
                out.add(line);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).strip().equals(END)) {
                end++;
            }
            if (end == lines.size()) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + BEGIN + " is never ended by " + END);
            }
            String indent = line.substring(0, line.indexOf('/'));
            out.add(indent + COMMENT);
            out.add(indent + (codeFollowsInBlock(lines, end + 1) ? "if (true) " : "") + THROW);
            i = end + 1;
        }
        return String.join("\n", out);
    }

    /** Whether the next line with code after the region is more than the end of the enclosing block. */
    private static boolean codeFollowsInBlock(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            String code = lines.get(i).strip();
            if (!code.isEmpty() && !code.startsWith("//")) {
                return !code.startsWith("}");
            }
        }
        return false;
    }
}
