package lessonbook.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Finding and ending a process together with everything it started. */
public final class ProcessTrees {
    private ProcessTrees() {
    }

    /** A process as last seen: pid plus start time, so a recycled pid is never killed by mistake. */
    public record Known(long pid, Optional<Instant> started) {
        public static Known of(ProcessHandle handle) {
            return new Known(handle.pid(), handle.info().startInstant());
        }

        public void destroy() {
            ProcessHandle.of(pid).filter(h -> started.isEmpty() || h.info().startInstant().equals(started))
                    .ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /**
     * Where Linux lists each thread's children ({@code /proc/<pid>/task/<tid>/children}), the root's children
     * are read from its threads, and theirs from one pass over {@code /proc/<pid>/stat}; elsewhere the JDK scans
     * the whole process table.
     */
    public static List<Known> descendants(ProcessHandle root) {
        return descendants(root, List.of());
    }

    /**
     * As {@link #descendants(ProcessHandle)}, keeping the entries of {@code lastSeen} whose pid is still a
     * descendant: a process's start time costs several /proc reads (its {@code info()}), and a kernel whose ten
     * workers are looked up every second paid that for each of them every time.
     */
    public static List<Known> descendants(ProcessHandle root, List<Known> lastSeen) {
        Path tasks = Path.of("/proc", String.valueOf(root.pid()), "task");
        if (!Files.isDirectory(tasks)) {
            return root.descendants().map(Known::of).collect(Collectors.toList());
        }
        Map<Long, Known> seen = new HashMap<>();
        lastSeen.forEach(k -> seen.put(k.pid(), k));
        List<Known> found = new ArrayList<>();
        Deque<Long> todo = new ArrayDeque<>(childPids(root.pid()));
        Map<Long, List<Long>> childrenOf = todo.isEmpty() ? Map.of() : childrenByParent();
        while (!todo.isEmpty()) {
            long pid = todo.pop();
            Known known = seen.get(pid);
            if (known != null) {
                found.add(known);
            } else {
                ProcessHandle.of(pid).ifPresent(h -> found.add(Known.of(h)));
            }
            todo.addAll(childrenOf.getOrDefault(pid, List.of()));
        }
        return found;
    }

    /**
     * Every process's children, from its {@code /proc/<pid>/stat} alone. Not from each thread's
     * {@code children} file below the root: every file read under {@code /proc/<pid>/task} stays in the kernel's
     * cache until the process is reaped, and reaping ten worker JVMs whose ~25 threads each had been read, every
     * 2 s by the app's kernel host, cost the kernel's reaper threads ~0.3-0.5 s of cpu at the end of a worker cell
     * (perf: wait4, release_task, proc_invalidate_siblings_dcache, d_walk), 9x what it cost without that read.
     */
    private static Map<Long, List<Long>> childrenByParent() {
        Map<Long, List<Long>> children = new HashMap<>();
        for (ProcStat process : ProcStat.all()) {
            children.computeIfAbsent(process.parentPid(), k -> new ArrayList<>()).add(process.pid());
        }
        return children;
    }

    private static List<Long> childPids(long pid) {
        List<Long> children = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks) {
                for (String child : Files.readString(task.resolve("children")).trim().split("\\s+")) {
                    if (!child.isEmpty()) {
                        children.add(Long.parseLong(child));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process or one of its threads is gone
        }
        return children;
    }

    /** Ends every descendant of {@code root} (collected first: once a parent dies its children are out of reach). */
    public static void endDescendants(ProcessHandle root) {
        descendants(root).forEach(Known::destroy);
    }

    /** Descendants first (once the root dies they are re-parented and out of reach), then the root. */
    public static void kill(ProcessHandle root, List<Known> alsoKnown, Duration wait) {
        List<Known> all = new ArrayList<>(descendants(root));
        all.addAll(alsoKnown);
        all.forEach(Known::destroy);
        root.destroyForcibly();
        try {
            root.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // best effort: the caller moves on either way
        }
    }
}
