package lessonbook.format.text;

import java.util.ArrayList;
import java.util.List;

import lessonbook.model.Output;
import lessonbook.model.RichOutputText;

/**
 * The text of checks. One check reads {@code [passed] factorial(5): 120} or
 * {@code [failed] factorial(20): expected 2432902008176640000 but was -2102132736}. A cell's checks are saved
 * together, after its other outputs, in one block {@value #INFO} whose body is a grid that reads back as equal
 * records:
 *
 * <pre>
 * | result | check        | expected | actual |
 * | ------ | ------------ | -------- | ------ |
 * | passed | factorial(5) | 120      | 120    |
 * | failed | pool faster  |          |        |
 * </pre>
 *
 * A {@code Check.that} has empty expected and actual cells; {@code Check.equal} shows strings quoted, so its
 * cells are never empty.
 */
public final class CheckBlock {
    public static final String INFO = "checks";
    private static final List<String> HEADER = List.of("result", "check", "expected", "actual");
    private static final String PASSED = "passed";
    private static final String FAILED = "failed";

    private CheckBlock() {
    }

    public static boolean hasChecks(List<? extends Output> outputs) {
        return outputs.stream().anyMatch(Output.Check.class::isInstance);
    }

    /** The block body for the checks among {@code outputs} (other outputs are ignored). */
    public static String body(List<? extends Output> outputs) {
        List<List<String>> rows = new ArrayList<>();
        for (Output output : outputs) {
            if (output instanceof Output.Check c) {
                rows.add(List.of(c.passed() ? PASSED : FAILED, c.what(),
                        c.comparesValues() ? c.expected() : "", c.comparesValues() ? c.actual() : ""));
            }
        }
        return RichOutputText.grid(HEADER, rows);
    }

    /**
     * The checks a {@value #INFO} block holds, in order.
     *
     * @throws IllegalArgumentException if the body is not well formed (the message names the line)
     */
    public static List<Output.Check> parse(String body) {
        Output.Table table = TableBlock.parse(body);
        if (!table.columns().equals(HEADER)) {
            throw OutputBlocks.malformed(1, "the columns " + HEADER, table.columns().toString());
        }
        List<Output.Check> checks = new ArrayList<>();
        int line = 3;
        for (List<String> row : table.rows()) {
            String result = row.get(0);
            if (!result.equals(PASSED) && !result.equals(FAILED)) {
                throw OutputBlocks.malformed(line, "\"passed\" or \"failed\"", result);
            }
            boolean values = !row.get(2).isEmpty() || !row.get(3).isEmpty();
            checks.add(new Output.Check(row.get(1), result.equals(PASSED), values ? row.get(2) : null,
                    values ? row.get(3) : null));
            line++;
        }
        return checks;
    }
}
