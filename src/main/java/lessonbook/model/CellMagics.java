package lessonbook.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The magic lines at the top of a code cell, as IJava and JJava write them ({@code %maven g:a:v},
 * {@code %jars lib/*.jar}): lines starting with {@code %}, before the cell's first line of Java (blank lines and
 * {@code //} comments may stand between them). Three line magics run here ({@link #SUPPORTED}); any other magic,
 * and every cell magic ({@code %%bash}), is refused by name. A {@code %} further down is Java ({@code 7 % 3}, a
 * text block), never a magic.
 */
public final class CellMagics {
    /** The line magics Lessonbook runs: they extend the class path of the kernel and of workers started after. */
    public static final Set<String> SUPPORTED = Set.of("maven", "jars", "classpath");

    /** One magic line: its name without the {@code %}, the rest of the line, and its 1-based line number. */
    public record Magic(String name, String arguments, int line) {
    }

    /**
     * A cell split into its magics and its Java. {@code java} is the cell's text with each magic line blanked
     * (same length, newlines kept), so positions in it are positions in the cell and compile errors land on the
     * right characters.
     */
    public record Split(List<Magic> magics, String java) {
        /** The refusal for the first magic that does not run here (a cell magic, an unknown line magic). */
        public Optional<String> unsupported() {
            for (Magic magic : magics) {
                if (magic.name().startsWith("%") || !SUPPORTED.contains(magic.name())) {
                    return Optional.of("The magic %" + magic.name() + " is not supported by Lessonbook (only %maven, "
                            + "%jars and %classpath run here; other magics belong to Jupyter's Java kernels); "
                            + "this cell was not run.");
                }
            }
            return Optional.empty();
        }
    }

    private CellMagics() {
    }

    public static Split split(String source) {
        List<Magic> magics = new ArrayList<>();
        StringBuilder java = new StringBuilder(source.length());
        String[] lines = source.split("\n", -1);
        boolean inMagics = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String code = line.strip();
            if (inMagics && code.startsWith("%") && code.length() > 1) {
                int nameEnd = code.startsWith("%%") ? 2 : 1;
                while (nameEnd < code.length() && !Character.isWhitespace(code.charAt(nameEnd))) {
                    nameEnd++;
                }
                magics.add(new Magic(code.substring(1, nameEnd), code.substring(nameEnd).strip(), i + 1));
                java.append(" ".repeat(line.length()));
                if (code.startsWith("%%")) {
                    // a cell magic takes the whole cell: the lines after it are its body, not Java
                    return new Split(magics, " ".repeat(source.length()));
                }
            } else {
                if (!code.isEmpty() && !code.startsWith("//")) {
                    inMagics = false;
                }
                java.append(line);
            }
            if (i < lines.length - 1) {
                java.append('\n');
            }
        }
        return new Split(List.copyOf(magics), java.toString());
    }
}
