package lessonbook.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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
}
