package lessonbook.bench;

/**
 * A suite (or one of its figures) cannot be measured on this machine: no display, no Xvfb, no python3. The
 * message is one line saying why and how to make it run; {@code lessonbook bench} prints it and goes on.
 */
public final class SuiteCannotRun extends Exception {
    private static final long serialVersionUID = 1L;

    public SuiteCannotRun(String whyAndHow) {
        super(whyAndHow);
    }
}
