package lessonbook.kernel.jvm.timeit;

/**
 * The Java the kernel writes for {@code %timeit}: a class whose one method runs the setup, then the timed code in a
 * loop between two clock reads, after IPython's template for its own timer ({@code inner(_it, _timer)}), so the
 * timed code is compiled as part of the loop, as a student's own loop would be. The cell's code is copied in
 * unchanged and on its own lines, so that JShell's line numbers and javac's error positions lead back to the cell
 * ({@link #toCell}).
 * <ul>
 * <li>Statements run inside {@code do { ... } while (false)}: a {@code break} or {@code continue} in them ends one
 * loop's run, and cannot end the measuring loop. A last statement without its {@code ;} is taken as IPython
 * takes a line ({@code %timeit list.clear()}).
 * <li>An expression's value is written to {@link Timeit#sink} on each loop, so the JIT compiler cannot drop its
 * computation (a value no one reads may be).
 * </ul>
 *
 * @param source      the class's source, a JShell snippet of its own
 * @param setupStart  where the setup was copied to in {@code source}, and {@code setupInCell} where it came from
 * @param codeStart   where the timed code was copied to in {@code source}, and {@code codeInCell} where it came from
 */
public record TimeitSource(String className, String source, int setupStart, int setupInCell, int setupLength,
        int codeStart, int codeInCell) {
    private static final String TIMEIT = Timeit.class.getName();

    /**
     * {@code setup} (may be blank) on the first line, beside the method's head; {@code code} from the second line on
     * when {@code codeOnOwnLines} (a cell's body, whose first line follows the magic's), else on the first line too;
     * so the source's lines are the cell's from the magic's line on.
     */
    public static TimeitSource of(String className, String setup, int setupInCell, String code, int codeInCell,
            boolean codeOnOwnLines, boolean expression) {
        if (setup.contains("\n")) {
            throw new IllegalArgumentException("setup is one line");
        }
        StringBuilder source = new StringBuilder("class ").append(className).append(" implements ").append(TIMEIT)
                .append(".Loop { public long time(long $loops) throws Throwable { ");
        int setupStart = source.length();
        // the setup may end in a // comment: the loop starts on the next line, the code's first, when it has its own
        source.append(setup).append(codeOnOwnLines ? "\n" : "")
                .append(" ;long $t0 = System.nanoTime(); for (long $i = 0; $i < $loops; $i++) { ")
                .append(expression ? TIMEIT + ".sink = (" : "do { ");
        int codeStart = source.length();
        // after the code's last line (it may end in a comment): the end of an expression, or of a last statement
        // written without its ';' (an empty statement after one that has it)
        source.append(code).append('\n').append(expression ? "); }" : ";} while (false); }")
                .append(" return System.nanoTime() - $t0; } }");
        return new TimeitSource(className, source.toString(), setupStart, setupInCell, setup.length(), codeStart,
                codeInCell);
    }

    /** The runner snippet: measures the class's loop. */
    public String runner(TimeitOptions options) {
        return TIMEIT + ".run(new " + className + "(), " + options.loops() + "L, " + options.runs() + ");";
    }

    /** Where a position in {@link #source} came from in the cell (the setup's start for the template's own text). */
    public long toCell(long sourcePosition) {
        if (sourcePosition >= codeStart) {
            return codeInCell + (sourcePosition - codeStart);
        }
        if (sourcePosition >= setupStart && sourcePosition <= setupStart + setupLength) {
            return setupInCell + (sourcePosition - setupStart);
        }
        return sourcePosition < setupStart ? setupInCell : setupInCell + setupLength;
    }
}
