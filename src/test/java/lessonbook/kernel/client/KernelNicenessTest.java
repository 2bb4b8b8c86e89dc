package lessonbook.kernel.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** A kernel started with a niceness runs at that lower CPU priority, as the process the host tracks by pid. */
class KernelNicenessTest {
    private static final boolean HAS_NICE = Files.isExecutable(Path.of("/usr/bin/nice"))
            || Files.isExecutable(Path.of("/bin/nice"));

    @Test
    void withoutANicenessTheCommandStartsWithJava() {
        List<String> command = KernelLauncher.standard().command();
        assertThat(Path.of(command.get(0)).getFileName().toString()).startsWith("java");
    }

    @Test
    void theKernelProcessRunsNicedUnderItsOwnPid() throws Exception {
        assumeTrue(HAS_NICE && Files.isDirectory(Path.of("/proc/self")), "needs nice and /proc (Linux)");
        JvmKernel kernel = JvmKernel.start(KernelLauncher.standard().withNiceness(7));
        try {
            kernel.ready().get(60, TimeUnit.SECONDS);
            long pid = kernel.pid();
            // The pid is the JVM's own (nice execs it): the host can still end it and its descendants by pid.
            assertThat(ProcessHandle.of(pid).flatMap(p -> p.info().command()).orElse(""))
                    .endsWith("java");
            assertThat(niceOf(pid)).isEqualTo(7 + niceOf(ProcessHandle.current().pid()));
            CellRun run = kernel.execute("c1", "System.out.println(6 * 7);").get(60, TimeUnit.SECONDS);
            assertThat(run.ok()).isTrue();
        } finally {
            kernel.close();
        }
    }

    /** Field 19 of /proc/PID/stat, after the command name in parentheses. */
    private static int niceOf(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}
