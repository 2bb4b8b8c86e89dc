package lessonbook.workers.runtime;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The host of a plain Java program (no kernel installed): workers start with this JVM's class path, there are
 * no cell classes or notebook variables, and worker lines are printed as {@code [name pid] line}. A program that
 * wants the lines elsewhere (a benchmark counting them) overrides {@link #eventsForCaller()}.
 */
public class StandaloneHost implements WorkerHost {
    static final StandaloneHost INSTANCE = new StandaloneHost();

    /** Prints worker lines to this process's stdout/stderr, tagged; lifecycle events are not printed. */
    static final WorkerEvents PRINTING_EVENTS = new WorkerEvents() {
        @Override
        public void started(String worker, long pid, long epochMillis) {
        }

        @Override
        public void line(String worker, long pid, boolean stderr, String text) {
            (stderr ? System.err : System.out).println("[" + worker + " " + pid + "] " + text);
        }

        @Override
        public void exited(String worker, long pid, int exitCode, long epochMillis, long cpuMillis) {
        }
    };

    public StandaloneHost() {
    }

    static List<Path> javaClassPath() {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry).toAbsolutePath());
            }
        }
        return entries;
    }

    @Override
    public List<Path> runtimeClasspath() {
        return javaClassPath();
    }

    @Override
    public List<Path> userClasspath() {
        return List.of();
    }

    @Override
    public long classGeneration() {
        return 0;
    }

    @Override
    public List<TopLevelVariable> topLevelVariables() {
        return List.of();
    }

    @Override
    public WorkerEvents eventsForCaller() {
        return PRINTING_EVENTS;
    }

    @Override
    public void warn(String message) {
        System.err.println("warning: " + message);
    }

    @Override
    public String processName() {
        return "MainProcess";
    }
}
