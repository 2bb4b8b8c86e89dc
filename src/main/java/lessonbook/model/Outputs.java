package lessonbook.model;

/** Plain-text helpers over outputs. */
public final class Outputs {
    private Outputs() {
    }

    static void appendText(StringBuilder into, Output output) {
        into.append(output.text());
    }

    /** True for outputs that mean the run failed (the headless runner stops on them). */
    public static boolean isFailure(Output output) {
        return output instanceof Output.CompileError c ? c.failed() : output instanceof Output.Error;
    }
}
