package lessonbook.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * What {@code import lessonbook.workers.*;} gives a cell: the teaching API and nothing of the runtime behind it
 * (installing a host, the worker's main class, the pool's engine live in {@code lessonbook.workers.runtime}).
 * A new public type here must be added to the list on purpose.
 */
class StudentApiTest {
    private static final List<String> STUDENT_API = List.of("BrokenSharedObjectException", "CurrentProcess",
            "PoolOptions", "SerializableBiFunction", "SerializableFunction", "SerializableRunnable",
            "SharedDoubleArray", "SharedLong", "SharedLongArray", "WaitInterruptedException", "Worker", "WorkerBarrier",
            "WorkerDiedException", "WorkerEvent", "WorkerException", "WorkerLock", "WorkerPipe", "WorkerPool",
            "WorkerQueue", "WorkerSemaphore");

    @Test
    void thePackagesPublicTypesAreTheStudentApi() throws Exception {
        assertThat(publicTypes()).containsExactlyInAnyOrderElementsOf(STUDENT_API);
    }

    @Test
    void noPublicMemberOfTheApiHandsOutOrTakesARuntimeType() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (String simpleName : publicTypes()) {
            Class<?> type = Class.forName("lessonbook.workers." + simpleName);
            List<Executable> members = new ArrayList<>(Arrays.asList(type.getConstructors()));
            members.addAll(Arrays.asList(type.getMethods()));
            for (Executable member : members) {
                List<Type> signature = new ArrayList<>(Arrays.asList(member.getGenericParameterTypes()));
                if (member instanceof Method m) {
                    signature.add(m.getGenericReturnType());
                }
                for (Type t : signature) {
                    if (t.getTypeName().contains("lessonbook.workers.runtime.")
                            || t.getTypeName().contains("lessonbook.workers.shared.")) {
                        leaks.add(simpleName + ": " + member);
                    }
                }
            }
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (Modifier.isPublic(c.getModifiers()) && type.getSimpleName().endsWith("Exception")
                        && !type.getSimpleName().startsWith("Broken") && !type.getSimpleName().startsWith("Wait")) {
                    leaks.add(simpleName + ": the runtime makes it, a cell does not: " + c);
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    /** Simple names of the public top-level types of {@code lessonbook.workers}, read from where Worker was loaded. */
    private static TreeSet<String> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Worker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> classFiles = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.list(root.resolve("lessonbook/workers"))) {
                files.map(p -> p.getFileName().toString()).forEach(classFiles::add);
            }
        } else {
            try (ZipFile jar = new ZipFile(root.toFile())) {
                jar.stream().map(e -> e.getName()).filter(n -> n.matches("lessonbook/workers/[^/]+"))
                        .map(n -> n.substring(n.lastIndexOf('/') + 1)).forEach(classFiles::add);
            }
        }
        TreeSet<String> names = new TreeSet<>();
        for (String file : classFiles) {
            if (!file.endsWith(".class") || file.contains("$") || file.equals("package-info.class")) {
                continue;
            }
            String simpleName = file.substring(0, file.length() - ".class".length());
            if (Modifier.isPublic(Class.forName("lessonbook.workers." + simpleName).getModifiers())) {
                names.add(simpleName);
            }
        }
        return names;
    }
}
