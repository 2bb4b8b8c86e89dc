package lessonbook.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The line magics of a code cell, where IJava and JJava find them ({@code %maven g:a:v}, {@code %jars lib/*.jar}): a
 * line starting with {@code %} and a name, on any line of the cell. Both kernels (their {@code MagicsResolver}
 * pattern {@code (?<=(?:^|=))\\s*%} with MULTILINE) turn such a line into a call at its place, so the Java above it
 * runs first and the Java below it sees what it added; the evaluator keeps that order ({@link Magic#line()}).
 * Four line magics run here ({@link #SUPPORTED}: three extend the class path, {@code %timeit} times its line's Java),
 * and two cell magics ({@link #CELL_MAGICS}) among the magic lines at the top, as IPython's, whose lines they borrow:
 * {@code %%time} times the Java below it once, {@code %%timeit} many times; the Java below either stays Java. Any
 * other magic, and any other cell magic ({@code %%bash}, only at the top, as in both kernels), is refused by name. Below the first line of Java a {@code %} line is a magic only where a new
 * statement may start at the cell's top level (the Java before it ends with {@code ;} or <code>}</code>, outside
 * braces), and never inside a text block or a comment: {@code 7\n  % 3} and a text block's {@code %d items} stay Java (where the two kernels
 * would take the text block's line for a magic).
 */
public final class CellMagics {
    /** The line magics Lessonbook runs: they extend the class path of the kernel and of workers started after. */
    public static final Set<String> SUPPORTED = Set.of("maven", "jars", "classpath", "timeit");

    /** The cell magics Lessonbook runs, without their {@code %%}: their cell's body stays Java. */
    public static final Set<String> CELL_MAGICS = Set.of("time", "timeit");

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
                if (!isCellMagicHere(magic) && (magic.name().startsWith("%") || !SUPPORTED.contains(magic.name()))) {
                    return Optional.of("The magic %" + magic.name() + " is not supported by Lessonbook (only %maven, "
                            + "%jars, %classpath, %timeit, %%time and %%timeit run here; other magics belong to "
                            + "Jupyter's Java kernels); this cell was not run.");
                }
            }
            return Optional.empty();
        }

        /** True when the cell starts with {@code %%time}: the kernel reports the time and CPU its run took. */
        public boolean timed() {
            return magics.stream().anyMatch(m -> m.name().equals("%time"));
        }

        /** The cell magic {@code %%name} (name without the {@code %%}), if the cell starts with it. */
        public Optional<Magic> cellMagic(String name) {
            return magics.stream().filter(m -> m.name().equals("%" + name)).findFirst();
        }

        /** The line magics, in order: what extends the class path (the cell magics say how to run the rest). */
        public List<Magic> lineMagics() {
            return magics.stream().filter(m -> !m.name().startsWith("%")).toList();
        }
    }

    private static boolean isCellMagicHere(Magic magic) {
        return magic.name().startsWith("%") && CELL_MAGICS.contains(magic.name().substring(1));
    }

    private CellMagics() {
    }

    public static Split split(String source) {
        List<Magic> magics = new ArrayList<>();
        StringBuilder java = new StringBuilder(source.length());
        String[] lines = source.split("\n", -1);
        boolean inMagics = true;
        JavaScanner scanner = new JavaScanner();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String code = line.strip();
            boolean topMagic = inMagics && code.startsWith("%") && code.length() > 1;
            boolean lowerMagic = !inMagics && scanner.atStatementStart() && isLineMagic(code);
            if (topMagic || lowerMagic) {
                int nameEnd = code.startsWith("%%") ? 2 : 1;
                while (nameEnd < code.length() && !Character.isWhitespace(code.charAt(nameEnd))) {
                    nameEnd++;
                }
                Magic magic = new Magic(code.substring(1, nameEnd), code.substring(nameEnd).strip(), i + 1);
                magics.add(magic);
                java.append(" ".repeat(line.length()));
                if (code.startsWith("%%") && !isCellMagicHere(magic)) {
                    // a cell magic takes the whole cell: the lines after it are its body, not Java
                    return new Split(magics, " ".repeat(source.length()));
                }
            } else {
                if (!code.isEmpty() && !code.startsWith("//")) {
                    inMagics = false;
                }
                scanner.scan(line);
                java.append(line);
            }
            if (i < lines.length - 1) {
                java.append('\n');
            }
        }
        return new Split(List.copyOf(magics), java.toString());
    }

    /** {@code %name ...}: a line magic's form (a name starting with a letter; {@code % 3} and {@code %3} are Java). */
    private static boolean isLineMagic(String code) {
        return code.length() > 1 && code.charAt(0) == '%' && Character.isLetter(code.charAt(1));
    }

    /**
     * Follows the Java lines far enough to know whether the next line may start a statement at the cell's top level:
     * outside a comment, string, text block or braces, after {@code ;} or <code>}</code> (or before any Java).
     */
    private static final class JavaScanner {
        private boolean inBlockComment;
        private boolean inTextBlock;
        private char lastSignificant = ';';
        private int depth;

        /**
         * Magics run between parts of the cell, so not inside a block (where IJava would run one at each turn of a
         * loop): there a {@code %} line stays Java, and javac says what is wrong with it.
         */
        boolean atStatementStart() {
            return !inBlockComment && !inTextBlock && depth <= 0 && (lastSignificant == ';' || lastSignificant == '}');
        }

        void scan(String line) {
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (inBlockComment) {
                    if (line.startsWith("*/", i)) {
                        inBlockComment = false;
                        i += 2;
                    } else {
                        i++;
                    }
                } else if (inTextBlock) {
                    if (c == '\\') {
                        i += 2;
                    } else if (line.startsWith("\"\"\"", i)) {
                        inTextBlock = false;
                        lastSignificant = '"';
                        i += 3;
                    } else {
                        i++;
                    }
                } else if (line.startsWith("//", i)) {
                    return;
                } else if (line.startsWith("/*", i)) {
                    inBlockComment = true;
                    i += 2;
                } else if (line.startsWith("\"\"\"", i)) {
                    inTextBlock = true;
                    i += 3;
                } else if (c == '"' || c == '\'') {
                    i = endOfLiteral(line, i, c);
                    lastSignificant = c;
                } else {
                    if (!Character.isWhitespace(c)) {
                        lastSignificant = c;
                    }
                    depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                    i++;
                }
            }
        }

        /** The index after a string or char literal that starts at {@code start} (its line's end if unclosed). */
        private static int endOfLiteral(String line, int start, char quote) {
            int i = start + 1;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (c == '\\') {
                    i += 2;
                } else if (c == quote) {
                    return i + 1;
                } else {
                    i++;
                }
            }
            return i;
        }
    }
}
