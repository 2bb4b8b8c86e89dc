package lessonbook.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs Python snippets and the tutorial script for the {@code .vs.python} peers, when python3 exists. */
public final class PythonPeer {
    public static final String SCRIPT_PROPERTY = "lessonbook.python.tutorial";

    private PythonPeer() {
    }

    public static boolean available() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
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

    public static String[] run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).start();
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        String out = readAll(p.getInputStream());
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("python3 did not finish within " + timeoutSeconds + " s");
        }
        return new String[] {out, err.join()};
    }

    private static String readAll(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
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
