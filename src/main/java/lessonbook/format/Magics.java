package lessonbook.format;

import java.util.Optional;

/**
 * IJava's magics ({@code %maven}, {@code %%bash}, {@code %jars}...) are lines starting with {@code %}: not Java, so
 * a cell that uses one cannot run here. The runner shows this message as the cell's error and goes on.
 */
public final class Magics {
    private Magics() {
    }

    /** The message for a cell whose first line of code is a magic; empty for ordinary Java. */
    public static Optional<String> unsupported(String source) {
        for (String line : source.split("\n", -1)) {
            String code = line.strip();
            if (code.isEmpty() || code.startsWith("//")) {
                continue;
            }
            if (!code.startsWith("%")) {
                return Optional.empty();
            }
            int end = code.startsWith("%%") ? 2 : 1;
            while (end < code.length() && !Character.isWhitespace(code.charAt(end))) {
                end++;
            }
            String magic = code.substring(0, end);
            return Optional.of("The magic " + magic + " is not supported by Lessonbook (magics belong to Jupyter's Java kernels); "
                    + "this cell was not run.");
        }
        return Optional.empty();
    }
}
