package lessonbook.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import lessonbook.testkit.Await;
import lessonbook.kernel.client.KernelLauncher;
import lessonbook.testkit.KernelHarness;

/**
 * The kernel compiles javac and JShell with C1 only, so compiling a cell leaves no C2 work to compete with the
 * workers the cell starts; the cells' own code keeps C2. Read off the kernel JVM with the JDK's {@code jcmd}.
 */
class KernelCompilersTest {
    private static final Path JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd");

    @Test
    void javacIsLeftToC1WhileACellsHotMethodIsCompiledByC2() throws Exception {
        assumeTrue(Files.isExecutable(JCMD), "no jcmd in " + JCMD.getParent());
        // the build gives the tests' kernels C1 only (pom.xml); this one is the product's own
        String testOptions = System.clearProperty(KernelLauncher.EXTRA_OPTIONS_PROPERTY);
        KernelHarness started;
        try {
            started = new KernelHarness();
        } finally {
            if (testOptions != null) {
                System.setProperty(KernelLauncher.EXTRA_OPTIONS_PROPERTY, testOptions);
            }
        }
        try (KernelHarness h = started) {
            h.run("long spin(long n) { long s = 0; for (long i = 0; i < n; i++) { s += i ^ (s >>> 3); } return s; }");
            h.run("long total = 0; for (int i = 0; i < 30_000; i++) { total += spin(2_000); } total");
            long pid = h.kernel.pid();

            AtomicReference<String> directives = new AtomicReference<>("");
            Await.until("the kernel's directive for javac", Duration.ofSeconds(20), () -> {
                directives.set(jcmd(pid, "Compiler.directives_print"));
                return directives.get().contains("com/sun/tools/javac/*.*");
            }, directives::get);
            String javacDirective = directives.get().substring(directives.get().indexOf("com/sun/tools/javac/*.*"));
            assertThat(javacDirective.substring(javacDirective.indexOf("c2 directives:"))).contains("Exclude:true");
            // and the JDK's class writer, which each cell's lambdas make hot (its C2 compile landed in timed cells)
            assertThat(directives.get()).contains("jdk/internal/org/objectweb/asm/*.*");
            // and our own rewrite of the cells' loops, which runs as each cell's classes load
            assertThat(directives.get()).contains("org/objectweb/asm/*.*", "lessonbook/kernel/jvm/LoopRotation*.*");

            // Compiler.codelist: "<id> <level> <state> <method> ...": the cell's spin(long) reached level 4 (C2)
            AtomicReference<String> code = new AtomicReference<>("");
            Await.until("the cell's hot method compiled by C2", Duration.ofSeconds(20), () -> {
                code.set(jcmd(pid, "Compiler.codelist"));
                return code.get().lines().anyMatch(l -> l.contains("spin(J)J") && l.matches("\\d+ 4 .*"));
            }, code::get);
        }
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process p = new ProcessBuilder(List.of(JCMD.toString(), Long.toString(pid), command)).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
