package lessonbook.kernel.jvm.timeit;

import java.util.Optional;

/**
 * What follows {@code %timeit} or {@code %%timeit} on its line: IPython's {@code -n N} (loops per run; chosen when
 * not given) and {@code -r R} (runs; 7 when not given), then code: for {@code %timeit}, the code to time; for
 * {@code %%timeit}, setup code that runs before each run, untimed, whose variables the cell's code sees (as
 * IPython's). Other IPython options are refused by name rather than taken for code.
 *
 * @param loops       0 to let the measurement choose (see {@link Timeit})
 * @param codeOffset  where {@code code} starts in the text that was parsed
 */
public record TimeitOptions(long loops, int runs, String code, int codeOffset) {
    public static final int DEFAULT_RUNS = 7;
    /** Bounds that keep a typo ({@code -n 1000000000000}) from running for days; Interrupt stops any run anyway. */
    static final long MAX_LOOPS = 1_000_000_000L;
    static final int MAX_RUNS = 1_000;

    /** The options and code in {@code text}, or a message saying what is wrong with them. */
    public static Result parse(String text) {
        long loops = 0;
        int runs = DEFAULT_RUNS;
        int at = 0;
        while (true) {
            at = skipSpaces(text, at);
            if (!text.startsWith("-", at) || at + 1 >= text.length() || !Character.isLetter(text.charAt(at + 1))) {
                break;
            }
            char option = text.charAt(at + 1);
            int valueStart = skipSpaces(text, at + 2);
            int valueEnd = valueStart;
            while (valueEnd < text.length() && !Character.isWhitespace(text.charAt(valueEnd))) {
                valueEnd++;
            }
            String value = text.substring(valueStart, valueEnd);
            if (option == 'n' || option == 'r') {
                Optional<Long> number = positive(value.replace("_", ""));
                long max = option == 'n' ? MAX_LOOPS : MAX_RUNS;
                if (number.isEmpty() || number.get() > max) {
                    return new Result(null, "-" + option + " takes a whole number from 1 to "
                            + String.format(java.util.Locale.ROOT, "%,d", max) + " (" + (option == 'n'
                            ? "loops in each run" : "runs") + "), not \"" + value + "\"");
                }
                if (option == 'n') {
                    loops = number.get();
                } else {
                    runs = number.get().intValue();
                }
                at = valueEnd;
            } else {
                return new Result(null, "%timeit knows -n (loops per run) and -r (runs) only, not -" + option);
            }
        }
        return new Result(new TimeitOptions(loops, runs, text.substring(at), at), null);
    }

    /** Parsed options, or the message for the cell when they could not be. */
    public record Result(TimeitOptions options, String problem) {
    }

    private static int skipSpaces(String text, int at) {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static Optional<Long> positive(String value) {
        try {
            long n = Long.parseLong(value);
            return n >= 1 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
