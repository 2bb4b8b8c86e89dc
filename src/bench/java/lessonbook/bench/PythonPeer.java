package lessonbook.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs Python snippets and the tutorial script for the {@code .vs.python} peers, when python3 exists. */
public final class PythonPeer {
    public static final String SCRIPT_PROPERTY = "lessonbook.python.tutorial";
    /** More than any peer program prints: they print a figure or one line per run. */
    private static final int KEPT_LINES = 1_000;

    private PythonPeer() {
    }

    public static boolean available() {
        try {
            return BoundedChild.run(new ProcessBuilder("python3", "--version"), new BoundedChild.Discard(),
                    new BoundedChild.Discard(), Duration.ofSeconds(10)).ok();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The tutorial script: the system property, else {@code ../shared/reference/} from the working directory. */
    public static Optional<Path> tutorialScript() {
        String configured = System.getProperty(SCRIPT_PROPERTY);
        if (configured != null) {
            return Optional.of(Path.of(configured)).filter(Files::isRegularFile);
        }
        for (String candidate : List.of("../shared/reference/python_tutorial.py", "../../shared/reference/python_tutorial.py")) {
            Path p = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Runs a Python program (written to a file, as spawn needs an importable main module); returns stdout, stderr. */
    static String[] runProgram(String source, List<String> args, long timeoutSeconds) throws IOException, InterruptedException {
        Path file = Files.createTempFile("lessonbook-bench", ".py");
        try {
            Files.writeString(file, source, StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of("python3", file.toString()));
            command.addAll(args);
            return run(command, timeoutSeconds);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Runs {@code command}: its stdout and stderr (the last {@value #KEPT_LINES} lines of each). A program that
     * runs past {@code timeoutSeconds} is ended, and this throws.
     */
    public static String[] run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        BoundedChild.Tail out = new BoundedChild.Tail(KEPT_LINES);
        BoundedChild.Tail err = new BoundedChild.Tail(KEPT_LINES);
        BoundedChild.Ended ended = BoundedChild.run(new ProcessBuilder(command), new BoundedChild.Lines(out),
                new BoundedChild.Lines(err), Duration.ofSeconds(timeoutSeconds));
        if (ended.timedOut()) {
            throw new IOException("python3: " + ended.describe());
        }
        return new String[] {out.text(), err.text()};
    }

    static final String SPAWN_FIRST_OUTPUT = """
            import multiprocessing as mp, statistics, sys, time
            def first_line(t0):
                print(f"{(time.time() - t0) * 1000:.3f}", flush=True)
            if __name__ == "__main__":
                mp.set_start_method("spawn")
                for i in range(int(sys.argv[1])):
                    p = mp.Process(target=first_line, args=(time.time(),))
                    p.start()
                    p.join()
            """;

    static final String POOL_DISPATCH = """
            import multiprocessing as mp, statistics, sys, time
            def plus_one(x):
                return x + 1
            if __name__ == "__main__":
                with mp.Pool(2) as pool:
                    pool.map(plus_one, range(1000))
                    times = []
                    for i in range(int(sys.argv[1])):
                        t0 = time.perf_counter()
                        pool.map(plus_one, range(1000))
                        times.append((time.perf_counter() - t0) * 1000 / 1000)
                    print(f"{statistics.median(times):.4f}", file=sys.stderr)
            """;
}
