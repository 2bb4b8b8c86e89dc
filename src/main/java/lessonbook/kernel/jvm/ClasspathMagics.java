package lessonbook.kernel.jvm;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import lessonbook.kernel.jvm.maven.MavenResolver;
import lessonbook.kernel.jvm.maven.MavenSettings;
import lessonbook.model.CellMagics;
import lessonbook.model.Output;

/**
 * Runs a cell's {@code %maven}, {@code %jars} and {@code %classpath} (IJava's line magics): each adds jars or
 * folders to JShell's class path, and so to the cells after it, and to every worker started after it (see
 * {@link #entries()}). A kernel restart forgets them, as Jupyter's kernels do; running the cell again adds them
 * back, from the cache without network.
 *
 * <p>{@code %maven} resolves with Maven's resolver ({@link MavenResolver}, loaded on first use) into the user's
 * Maven repository, {@code ~/.m2/repository}, where Maven itself keeps what it downloads: a teacher who ran
 * {@code mvn} once, or a lesson run once at home, needs no network in class, and the jars are not downloaded a
 * second time. {@code -Dlessonbook.maven.localRepository} (or Maven's own {@code maven.repo.local}) moves it,
 * {@code -Dlessonbook.maven.repositories=URL,URL} replaces Maven Central, and
 * {@code -Dlessonbook.maven.timeoutSeconds} bounds a resolution (default 120 s).
 *
 * <p>{@code %jars} and {@code %classpath} read nothing: they list only the folder a pattern names, and add what
 * matches to the class path. Threading: {@link #run} on the kernel's main thread; {@link #entries()} from any.
 */
final class ClasspathMagics {
    /** At most this many entries per kernel, and per pattern: a glob of a whole disk is refused, with a message. */
    static final int MAX_ENTRIES = 2_000;
    /** How many files a glob may look at before it gives up. */
    private static final int MAX_VISITED = 20_000;
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private final Consumer<String> addToJShell;
    private final BooleanSupplier interrupted;
    private final List<Path> entries = new CopyOnWriteArrayList<>();
    /**
     * A thread per resolution: one given up on (time limit, Interrupt) may sit in a socket read, which no interrupt
     * ends, until the resolver's request timeout; the next {@code %maven} must not queue behind it.
     */
    private final ExecutorService resolving = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lessonbook-maven");
        t.setDaemon(true);
        return t;
    });
    private MavenResolver resolver;

    ClasspathMagics(Consumer<String> addToJShell, BooleanSupplier interrupted) {
        this.addToJShell = addToJShell;
        this.interrupted = interrupted;
    }

    /** Jars and folders the notebook added, in order: workers load classes from them, after the runtime's. */
    List<Path> entries() {
        return List.copyOf(entries);
    }

    /**
     * Runs the magics in order, reporting what each added; empty when all ran, else the failure's message for the
     * cell (nothing of a failing magic is added). {@code folder} is where relative paths start (null: the
     * kernel's working directory).
     */
    Optional<String> run(List<CellMagics.Magic> magics, String folder, Consumer<Output> emit) {
        Path base = folder == null ? Path.of("").toAbsolutePath() : Path.of(folder);
        for (CellMagics.Magic magic : magics) {
            List<String> arguments = arguments(magic.arguments());
            if (arguments.isEmpty()) {
                return Optional.of("%" + magic.name() + " needs " + (magic.name().equals("maven")
                        ? "group:artifact:version" : "a path") + " (line " + magic.line() + ").");
            }
            List<Path> found;
            try {
                found = switch (magic.name()) {
                    case "maven" -> resolve(arguments);
                    case "jars" -> match(arguments, base, true);
                    default -> match(arguments, base, false);
                };
            } catch (MagicFailure e) {
                return Optional.of(e.getMessage());
            }
            if (interrupted.getAsBoolean()) {
                return Optional.empty();
            }
            List<Path> added = add(found);
            if (added == null) {
                return Optional.of("The notebook's class path already has " + entries.size() + " entries, the most "
                        + "a kernel takes; restart the kernel to start again.");
            }
            emit.accept(new Output.Info(describe(magic.name(), found, added)));
        }
        return Optional.empty();
    }

    private List<Path> add(List<Path> found) {
        List<Path> added = new ArrayList<>();
        for (Path path : found) {
            if (!entries.contains(path)) {
                added.add(path);
            }
        }
        if (entries.size() + added.size() > MAX_ENTRIES) {
            return null;
        }
        for (Path path : added) {
            addToJShell.accept(path.toString());
            entries.add(path);
        }
        return added;
    }

    private static String describe(String magic, List<Path> found, List<Path> added) {
        String names = found.stream().map(p -> p.getFileName() == null ? p.toString() : p.getFileName().toString())
                .limit(5).collect(Collectors.joining(", "));
        if (found.size() > 5) {
            names += " and " + (found.size() - 5) + " more";
        }
        String already = added.size() == found.size() ? "" : " (" + (found.size() - added.size()) + " already there)";
        return "%" + magic + ": " + found.size() + (found.size() == 1 ? " entry" : " entries") + " on the class path"
                + already + ": " + names;
    }

    /** The resolution runs on a thread of its own, so the cell stays interruptible and the time stays bounded. */
    private List<Path> resolve(List<String> coordinates) throws MagicFailure {
        Duration timeout = Duration.ofSeconds(Long.getLong("lessonbook.maven.timeoutSeconds", DEFAULT_TIMEOUT.toSeconds()));
        Future<List<Path>> future = resolving.submit(() -> resolver().resolve(coordinates));
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                try {
                    return future.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (interrupted.getAsBoolean()) {
                        future.cancel(true);
                        return List.of();
                    }
                    if (System.nanoTime() > deadline) {
                        future.cancel(true);
                        throw new MagicFailure("%maven gave up on " + String.join(" ", coordinates) + " after "
                                + timeout.toSeconds() + " s (a slow or unreachable network?); "
                                + "-Dlessonbook.maven.timeoutSeconds sets this limit.");
                    }
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new MagicFailure(cause instanceof MavenResolver.Failure ? cause.getMessage()
                    : "%maven failed: " + cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return List.of();
        }
    }

    /**
     * Maven's user settings ({@code -Dlessonbook.maven.settings}, else {@code ~/.m2/settings.xml}) give offline,
     * mirrors and the local repository; a property given to the app names the local repository before them.
     */
    private MavenResolver resolver() throws MavenResolver.Failure {
        if (resolver == null) {
            Path home = Path.of(System.getProperty("user.home"), ".m2");
            MavenSettings settings = MavenSettings.read(Path.of(System.getProperty("lessonbook.maven.settings",
                    home.resolve("settings.xml").toString())));
            String local = System.getProperty("lessonbook.maven.localRepository", System.getProperty("maven.repo.local",
                    settings.localRepository().orElse(home.resolve("repository")).toString()));
            List<String> urls = Arrays.stream(System.getProperty("lessonbook.maven.repositories", MavenResolver.CENTRAL)
                    .split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toList());
            resolver = new MavenResolver(Path.of(local), urls, Duration.ofSeconds(10), settings);
        }
        return resolver;
    }

    /**
     * Each argument a path or a glob ({@code lib/*.jar}, {@code lib/**.jar}), relative to {@code base}; every one
     * must match something. Only files ending {@code .jar} for {@code %jars}; jars or folders for {@code %classpath}.
     */
    private static List<Path> match(List<String> patterns, Path base, boolean jarsOnly) throws MagicFailure {
        String magic = jarsOnly ? "%jars" : "%classpath";
        List<Path> result = new ArrayList<>();
        for (String pattern : patterns) {
            List<Path> matched;
            try {
                matched = glob(base, pattern, jarsOnly);
            } catch (IllegalArgumentException e) {
                throw new MagicFailure(magic + ": \"" + pattern + "\" is not a path or pattern (" + e.getMessage() + ").");
            } catch (IOException e) {
                throw new MagicFailure(magic + ": cannot list the folder of \"" + pattern + "\": " + e.getMessage());
            }
            if (matched.isEmpty()) {
                throw new MagicFailure(magic + ": nothing matches " + pattern + " (looked in " + base + ")"
                        + (jarsOnly ? "; it takes .jar files." : "; it takes jars and folders."));
            }
            for (Path path : matched) {
                if (!result.contains(path)) {
                    result.add(path);
                }
            }
        }
        return result;
    }

    private static List<Path> glob(Path base, String pattern, boolean jarsOnly) throws IOException, MagicFailure {
        String expanded = pattern.startsWith("~/") ? System.getProperty("user.home") + pattern.substring(1) : pattern;
        int wild = firstWildcard(expanded);
        if (wild < 0) {
            Path path = base.resolve(expanded).normalize();
            return fits(path, jarsOnly) ? List.of(path) : List.of();
        }
        // the folder part before the first wildcard is listed; the rest is matched against what is under it
        int slash = Math.max(expanded.lastIndexOf('/', wild), expanded.lastIndexOf(java.io.File.separatorChar, wild));
        Path root = base.resolve(slash < 0 ? "" : expanded.substring(0, slash + 1)).normalize();
        String rest = expanded.substring(slash + 1);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        boolean deep = rest.contains("**");
        int depth = deep ? 32 : (int) rest.chars().filter(c -> c == '/').count() + 1;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        List<Path> found = new ArrayList<>();
        int[] visited = {0};
        try (Stream<Path> walk = Files.walk(root, depth)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                if (++visited[0] > MAX_VISITED) {
                    throw new MagicFailure("\"" + pattern + "\" looks at more than " + MAX_VISITED
                            + " files; name a narrower folder.");
                }
                if (!path.equals(root) && matcher.matches(root.relativize(path)) && fits(path, jarsOnly)) {
                    found.add(path);
                    if (found.size() > MAX_ENTRIES) {
                        throw new MagicFailure("\"" + pattern + "\" matches more than " + MAX_ENTRIES + " entries.");
                    }
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        found.sort(null);   // the order a shell lists them in, so the class path is the same on every run
        return found;
    }

    private static boolean fits(Path path, boolean jarsOnly) {
        if (jarsOnly) {
            return Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jar");
        }
        return Files.isDirectory(path) || Files.isRegularFile(path);
    }

    private static int firstWildcard(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if ("*?[{".indexOf(pattern.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Splits on blanks, keeping a "quoted path with spaces" whole (the quotes removed). */
    static List<String> arguments(String text) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                any = true;
            } else if (Character.isWhitespace(c)) {
                if (any || current.length() > 0) {
                    result.add(current.toString());
                }
                current.setLength(0);
                any = false;
            } else {
                current.append(c);
            }
        }
        if (any || current.length() > 0) {
            result.add(current.toString());
        }
        return result;
    }

    private static final class MagicFailure extends Exception {
        private static final long serialVersionUID = 1L;

        MagicFailure(String message) {
            super(message);
        }
    }
}
