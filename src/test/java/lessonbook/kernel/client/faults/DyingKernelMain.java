package lessonbook.kernel.client.faults;

/** A kernel that dies at start with a message on stderr. */
public final class DyingKernelMain {
    public static void main(String[] args) {
        System.err.println("broken kernel: cannot start");
        System.exit(7);
    }
}
