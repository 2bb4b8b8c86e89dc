package lessonbook.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import lessonbook.testkit.Await;

import lessonbook.workers.runtime.TopLevelVariable;

/**
 * Classes that exist only in a folder standing in for the kernel's dump folder: compiled at test time, loaded by
 * workers through the generation's class loader, recompiled to stand in for a redefinition in a cell.
 */
class UserClassesTest extends WithRecordingHost {
    @TempDir
    Path dump;
    @TempDir
    Path sources;


    private void compile(String version) throws Exception {
        write("userdemo/Vars.java", "package userdemo; public class Vars { public static String greeting; "
                + "public static Object lock; }");
        write("userdemo/Greeter.java", "package userdemo; public class Greeter implements "
                + "lessonbook.workers.SerializableFunction<Integer, String> { private static final long serialVersionUID = 1L; "
                + "public String apply(Integer x) { return \"" + version + ":\" + x + \":\" + Vars.greeting + \":\" + (Vars.lock == null); } }");
        write("userdemo/Hello.java", "package userdemo; public class Hello implements lessonbook.workers.SerializableRunnable {"
                + " private static final long serialVersionUID = 1L;"
                + " public void run() { System.out.println(\"hello " + version + " \" + Vars.greeting); } }");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", dump.toString(), "-cp", System.getProperty("java.class.path"),
                sources.resolve("userdemo/Vars.java").toString(), sources.resolve("userdemo/Greeter.java").toString(),
                sources.resolve("userdemo/Hello.java").toString());
        assertThat(rc).isZero();
    }

    private void write(String relative, String text) throws Exception {
        Path file = sources.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private Object instance(String className) throws Exception {
        // the kernel's own loader of cell classes; it keeps the old definition, as a stale JShell loader would
        URLClassLoader loader = new URLClassLoader(new URL[] {dump.toUri().toURL()}, getClass().getClassLoader());
        return loader.loadClass(className).getDeclaredConstructor().newInstance();
    }

    @Test
    @SuppressWarnings("unchecked")
    void workersLoadUserClassesAndRunTheNewBodyAfterARedefinition() throws Exception {
        compile("v1");
        host.userClasspath = List.of(dump);
        host.generation = 1;
        host.variables = List.of(new TopLevelVariable("greeting", "userdemo.Vars", "greeting", "hi"));
        SerializableFunction<Integer, String> greeter = (SerializableFunction<Integer, String>) instance("userdemo.Greeter");
        SerializableRunnable hello = (SerializableRunnable) instance("userdemo.Hello");

        try (WorkerPool pool = new WorkerPool(2)) {
            assertThat(pool.map(greeter, List.of(1, 2))).containsExactly("v1:1:hi:true", "v1:2:hi:true");
            Worker first = new Worker(hello);
            first.start();
            first.join();
            assertThat(host.textsOf(first.pid())).containsExactly("hello v1 hi");

            compile("v2");
            host.generation = 2;
            host.variables = List.of(new TopLevelVariable("greeting", "userdemo.Vars", "greeting", "bonjour"));
            Worker second = new Worker(hello);
            second.start();
            second.join();
            assertThat(host.textsOf(second.pid())).containsExactly("hello v2 bonjour");
            assertThat(pool.map(greeter, List.of(3))).containsExactly("v2:3:bonjour:true");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aVariableThatCannotBeCopiedIsNamedInAWarningAndIsNullInWorkers() throws Exception {
        compile("v1");
        host.userClasspath = List.of(dump);
        host.generation = 1;
        host.variables = List.of(new TopLevelVariable("greeting", "userdemo.Vars", "greeting", "hi"),
                new TopLevelVariable("lock", "userdemo.Vars", "lock", new Object()));
        SerializableFunction<Integer, String> greeter = (SerializableFunction<Integer, String>) instance("userdemo.Greeter");
        try (WorkerPool pool = new WorkerPool(1)) {
            assertThat(host.warnings).as("named when a function that may read it is sent").isEmpty();
            assertThat(pool.map(greeter, List.of(7))).containsExactly("v1:7:hi:true");
            assertThat(host.warnings).containsExactly(
                    "variable lock (java.lang.Object) is not Serializable; workers see null");
        }
        assertThat(host.lines()).noneMatch(l -> l.stderr());
    }
}
