package lessonbook.display;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Rounds measured numbers (timings, speedups) to what a class reads, keeping a decimal point on doubles. */
final class Numbers {
    private Numbers() {
    }

    static String readable(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        BigDecimal exact = new BigDecimal(Double.toString(v));
        BigDecimal rounded = Math.abs(v) >= 1 || v == 0
                ? exact.setScale(Math.min(3, Math.max(exact.scale(), 0)), RoundingMode.HALF_UP)
                : exact.round(new MathContext(3, RoundingMode.HALF_UP));
        String text = rounded.stripTrailingZeros().toPlainString();
        return text.contains(".") ? text : text + ".0";
    }
}
