package lessonbook.bench;

/** Runs the ipc benchmark alone: {@code java -cp target/lessonbook.jar lessonbook.bench.IpcBenchMain}. */
public final class IpcBenchMain {
    private IpcBenchMain() {
    }

    public static void main(String[] args) {
        for (Figure f : new IpcBench().run()) {
            System.out.println(f.line());
        }
        System.exit(0);
    }
}
