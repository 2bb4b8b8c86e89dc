package lessonbook.workers.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of the notebook's snippets a worker's task can reach, so that it gets copies of only the variables it
 * could read. JShell compiles each snippet into a class {@code REPL.$JShell$N} (its classes nested in it), and a
 * snippet's code names every other snippet it uses: a method it calls, a class it makes, a variable it reads. The
 * reach starts from the snippets that the task's bytes name (a lambda's class, a captured object's class) and
 * follows the names in their class files, and in the copies of the variables it takes, until nothing new comes.
 * <p>
 * Why: a notebook keeps every variable of every cell, and copying all of them at each {@code start()} cost
 * 330 ms a worker for a list of a million words that no task used (3.3 s for the lesson's ten workers), and named
 * every variable that cannot travel in a notice ({@code System.out.printf}'s result, a {@code Scanner}), whether
 * or not the task could see it. A variable the task cannot reach is never seen, so leaving it out changes nothing
 * the task can tell.
 * <p>
 * Reading names from bytes over-approximates (a string constant that spells a snippet's name counts too), which
 * errs on the side of copying. When the class files cannot be read, the reach is unknown and every variable is
 * copied, as before. Thread-safe: the scans of one class generation are cached under the class's lock.
 */
final class SnippetReach {
    private static final byte[] MARK = "$JShell$".getBytes(StandardCharsets.ISO_8859_1);
    private static final String PACKAGE = "REPL";

    /**
     * The class generation and class path the caches below hold: a redefinition rewrites class files under the
     * same names, and another host (a test's) has other folders.
     */
    private static long cachedGeneration = -1;
    private static List<Path> cachedClasspath = List.of();
    private static Map<String, List<Path>> filesByUnit;
    private static final Map<String, Set<String>> namedByUnit = new HashMap<>();

    private final WorkerHost host;
    /** The snippets reached so far; null once the reach is unknown (every variable is then in it). */
    private Set<String> units = new HashSet<>();

    private SnippetReach(WorkerHost host) {
        this.host = host;
    }

    /** The snippets that a task, given as its bytes, can reach. */
    static SnippetReach ofTask(WorkerHost host, byte[] task) {
        SnippetReach reach = new SnippetReach(host);
        reach.widenBy(task);
        return reach;
    }

    /**
     * Whether the task can reach a variable of {@code declaringClass}: its snippet is reached, or the reach is unknown, or the variable
     * is not a snippet's (a host other than JShell's keeps variables in classes of its own, whose reach is not
     * followed).
     */
    boolean covers(String declaringClass) {
        return units == null || !declaringClass.startsWith(PACKAGE + ".$JShell$")
                || units.contains(unitOf(declaringClass));
    }

    /**
     * Adds the snippets that {@code bytes} (a task, or a copy of a variable) name, and those their code names in
     * turn; true if the reach grew. A class file that cannot be read makes the reach unknown.
     */
    boolean widenBy(byte[] bytes) {
        if (units == null) {
            return false;
        }
        synchronized (SnippetReach.class) {
            try {
                Map<String, List<Path>> files = classFiles(host);
                int before = units.size();
                Deque<String> todo = new ArrayDeque<>(resolved(namedIn(bytes), files));
                while (!todo.isEmpty()) {
                    String unit = todo.pop();
                    if (units.add(unit)) {
                        todo.addAll(namedBy(unit, files));
                    }
                }
                return units.size() > before;
            } catch (IOException | RuntimeException e) {
                units = null;
                return true;
            }
        }
    }

    /**
     * A snippet's name, {@code REPL.$JShell$14} or {@code REPL.$JShell$14B} (JShell's name for the second version
     * of a snippet it redefined), for one of its classes ({@code REPL.$JShell$14B$Node}).
     */
    static String unitOf(String className) {
        int at = className.indexOf("$JShell$");
        if (at < 0) {
            return className;
        }
        int end = className.indexOf('$', at + MARK.length);
        return PACKAGE + "." + className.substring(at, end < 0 ? className.length() : end);
    }

    /**
     * The snippet names that {@code bytes} spell ({@code REPL.$JShell$7}, {@code REPL/$JShell$7B...}), each with the
     * letters that follow its number: a name inside a serialized stream may be followed by a byte that reads as a
     * letter, so {@link #resolved} tells which snippets it may be.
     */
    static Set<String> namedIn(byte[] bytes) {
        Set<String> names = new HashSet<>();
        int from = 0;
        while (true) {
            int at = indexOf(bytes, MARK, from);
            if (at < 0) {
                return names;
            }
            int digits = at + MARK.length;
            int end = digits;
            while (end < bytes.length && bytes[end] >= '0' && bytes[end] <= '9') {
                end++;
            }
            int numberEnd = end;
            while (end < bytes.length && bytes[end] >= 'A' && bytes[end] <= 'Z') {
                end++;
            }
            if (numberEnd > digits && followsPackage(bytes, at)) {
                names.add(PACKAGE + ".$JShell$" + new String(bytes, digits, end - digits, StandardCharsets.ISO_8859_1));
            }
            from = Math.max(numberEnd, at + 1);
        }
    }

    /**
     * The snippets a name may be: itself and each shorter form, dropping trailing letters, that has class files,
     * and always its number alone. Taking them all errs on the side of copying.
     */
    private static Set<String> resolved(Set<String> names, Map<String, List<Path>> files) {
        Set<String> units = new HashSet<>();
        for (String name : names) {
            String unit = name;
            while (Character.isLetter(unit.charAt(unit.length() - 1))) {
                if (files.containsKey(unit)) {
                    units.add(unit);
                }
                unit = unit.substring(0, unit.length() - 1);
            }
            units.add(unit);
        }
        return units;
    }

    private static boolean followsPackage(byte[] bytes, int at) {
        int start = at - PACKAGE.length() - 1;
        if (start < 0 || (bytes[at - 1] != '.' && bytes[at - 1] != '/')) {
            return false;
        }
        for (int i = 0; i < PACKAGE.length(); i++) {
            if (bytes[start + i] != PACKAGE.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte[] mark, int from) {
        outer:
        for (int i = from; i <= bytes.length - mark.length; i++) {
            for (int j = 0; j < mark.length; j++) {
                if (bytes[i + j] != mark[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Called under the class's lock. */
    private static Map<String, List<Path>> classFiles(WorkerHost host) throws IOException {
        long generation = host.classGeneration();
        List<Path> classpath = host.userClasspath();
        if (generation != cachedGeneration || !classpath.equals(cachedClasspath) || filesByUnit == null) {
            namedByUnit.clear();
            filesByUnit = null;
            filesByUnit = indexClassFiles(classpath);
            cachedGeneration = generation;
            cachedClasspath = List.copyOf(classpath);
        }
        return filesByUnit;
    }

    /** The snippets that {@code unit}'s class files name. Called under the class's lock. */
    private static Set<String> namedBy(String unit, Map<String, List<Path>> files) throws IOException {
        Set<String> named = namedByUnit.get(unit);
        if (named == null) {
            Set<String> names = new HashSet<>();
            for (Path file : files.getOrDefault(unit, List.of())) {
                names.addAll(namedIn(Files.readAllBytes(file)));
            }
            named = resolved(names, files);
            namedByUnit.put(unit, named);
        }
        return named;
    }

    /** Each snippet's class files (its wrapper and the classes nested in it), in the folders of the class path. */
    private static Map<String, List<Path>> indexClassFiles(List<Path> classpath) throws IOException {
        Map<String, List<Path>> files = new HashMap<>();
        for (Path entry : classpath) {
            Path folder = entry.resolve(PACKAGE);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (DirectoryStream<Path> classes = Files.newDirectoryStream(folder, "$JShell$*.class")) {
                for (Path file : classes) {
                    String name = file.getFileName().toString();
                    String unit = unitOf(name.substring(0, name.length() - ".class".length()));
                    files.computeIfAbsent(unit, u -> new ArrayList<>()).add(file);
                }
            }
        }
        return files;
    }
}
