package lessonbook.display;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

import lessonbook.model.Output;

/**
 * Checks of an exercise, written in the {@code java check} cell after it and available in every cell (like
 * {@link Display}):
 *
 * <pre>{@code
 * Check.equal("factorial(5)", 120, factorial(5));
 * Check.that("the pool of 10 is faster than the pool of 2", timeOf10 < timeOf2);
 * }</pre>
 *
 * Each check shows under the cell as passed or failed, with the expected and actual values; a failing check
 * does not stop the cell, so every check is shown. They return nothing, so a check cell shows no value. Whole numbers compare by value whatever their type
 * ({@code 120}, {@code 120L} and {@code BigInteger.valueOf(120)} are equal), as do decimals
 * ({@code 0.5} and {@code 0.5f}); arrays compare by their elements.
 */
public final class Check {
    private Check() {
    }

    /** Passes when {@code actual} equals {@code expected}. */
    public static void equal(String what, Object expected, Object actual) {
        Display.show(new Output.Check(what, same(expected, actual), shown(expected), shown(actual)));
    }

    /** Passes when {@code condition} is true. */
    public static void that(String what, boolean condition) {
        Display.show(new Output.Check(what, condition, null, null));
    }

    static boolean same(Object expected, Object actual) {
        if (expected instanceof Number e && actual instanceof Number a) {
            BigDecimal left = decimal(e);
            BigDecimal right = decimal(a);
            if (left != null && right != null) {
                return left.compareTo(right) == 0;
            }
        }
        return Objects.deepEquals(expected, actual);
    }

    /** A number's exact value, or null for NaN, infinities and number types we do not know. */
    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n instanceof Float f ? Double.parseDouble(f.toString()) : n.doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        return null;
    }

    /** A value as a reader recognises it: strings and characters quoted as in Java, arrays by their elements. */
    static String shown(Object value) {
        if (value instanceof CharSequence s) {
            return '"' + escaped(s.toString()) + '"';
        }
        if (value instanceof Character c) {
            return "'" + escaped(c.toString()) + "'";
        }
        if (value != null && value.getClass().isArray()) {
            String deep = Arrays.deepToString(new Object[]{value});
            return deep.substring(1, deep.length() - 1);
        }
        return String.valueOf(value);
    }

    private static String escaped(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t");
    }
}
