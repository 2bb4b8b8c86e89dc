package lessonbook.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import lessonbook.testkit.Await;

/** One reader of /proc/<pid>/stat for the process trees, the workers' CPU and the bench. */
class ProcStatTest {
    @Test
    void aNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        String line = "4242 (a (b) c) d) S 17 4242 4242 0 -1 4194560 100 0 0 0 123 45 0 0 20 0 3 0 99 0 0";
        ProcStat stat = ProcStat.parse(4242, line);
        assertEquals("a (b) c) d", stat.name());
        assertEquals('S', stat.state());
        assertEquals(17, stat.parentPid());
        assertEquals((123 + 45) * 10, stat.cpuMillis());
    }

    @Test
    void thisProcessIsFoundAloneAndAmongAll() {
        long me = ProcessHandle.current().pid();
        if (!java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc"))) {
            assertTrue(ProcStat.of(me).isEmpty());
            return;
        }
        ProcStat mine = ProcStat.of(me).orElseThrow();
        assertEquals(ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L), mine.parentPid());
        assertTrue(mine.cpuMillis() > 0);
        assertTrue(ProcStat.all().stream().anyMatch(p -> p.pid() == me));
    }

    /**
     * A zombie has ended, though ProcessHandle calls it alive: {@code sleep 1} started in the background by a shell
     * that then becomes {@code sleep 30}, which never collects it. The child outlives the shell's exec, so the shell
     * cannot reap it first (with {@code true &} it sometimes did, on a loaded machine, and no zombie ever appeared).
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aZombieIsNotRunningAndThisProcessIs() throws Exception {
        assertTrue(ProcStat.running(ProcessHandle.current().pid()));
        Process shell = new ProcessBuilder("sh", "-c", "sleep 1 & echo $!; exec sleep 30").start();
        try {
            long zombie = Long.parseLong(new BufferedReader(new InputStreamReader(shell.getInputStream())).readLine());
            Await.until("the background process ended", Duration.ofSeconds(10),
                    () -> ProcStat.of(zombie).map(p -> p.state() == 'Z').orElse(false));
            assertTrue(ProcessHandle.of(zombie).map(ProcessHandle::isAlive).orElse(false), "ProcessHandle: alive");
            assertFalse(ProcStat.running(zombie));
            assertTrue(ProcStat.running(shell.pid()));
        } finally {
            shell.destroyForcibly();
        }
    }
}
