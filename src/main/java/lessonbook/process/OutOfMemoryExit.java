package lessonbook.process;

/**
 * How a child JVM says it ended on an {@link OutOfMemoryError}, in HotSpot's own words: a worker runs with
 * {@code -XX:+ExitOnOutOfMemoryError}, which prints {@link #LINE_START} and the kind on its stdout and exits with
 * {@link #EXIT_CODE}; the kernel, out of memory outside a cell's code, says the same and ends itself. Its host reads
 * the line back ({@link #kindIn}). One definition for the writer and every reader.
 */
public final class OutOfMemoryExit {
    /** What HotSpot prints on stdout as it ends a JVM on an OutOfMemoryError; the kind follows on the line. */
    public static final String LINE_START = "Terminating due to java.lang.OutOfMemoryError: ";
    /** HotSpot's exit code under {@code -XX:+ExitOnOutOfMemoryError} (any {@code System.exit(3)} gives it too). */
    public static final int EXIT_CODE = 3;

    private OutOfMemoryExit() {
    }

    /** "Java heap space", "Metaspace", ... from the last such line in {@code output}; null when it has none. */
    public static String kindIn(String output) {
        int at = output == null ? -1 : output.lastIndexOf(LINE_START);
        if (at < 0) {
            return null;
        }
        String rest = output.substring(at + LINE_START.length());
        int end = rest.indexOf('\n');
        return (end < 0 ? rest : rest.substring(0, end)).strip();
    }
}
