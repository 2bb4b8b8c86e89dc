package lessonbook.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import lessonbook.testkit.Await;

/** A process's whole tree is found, grandchildren included, and ended by kill. */
class ProcessTreesDescendantsTest {
    @Test
    void childrenAndGrandchildrenAreFoundAndEnded() throws Exception {
        // a child (bash) with two grandchildren; bash prints their pids
        Process child = new ProcessBuilder("bash", "-c", "sleep 60 & a=$!; sleep 60 & echo $a $!; wait").start();
        try {
            String line = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            Set<Long> grandchildren = java.util.Arrays.stream(line.trim().split(" ")).map(Long::parseLong)
                    .collect(Collectors.toSet());

            Set<Long> found = ProcessTrees.descendants(ProcessHandle.current()).stream()
                    .map(ProcessTrees.Known::pid).collect(Collectors.toSet());
            assertThat(found).contains(child.pid()).containsAll(grandchildren);

            ProcessTrees.kill(child.toHandle(), List.of(), Duration.ofSeconds(5));
            Await.until("the grandchildren ended", Duration.ofSeconds(10),
                    () -> grandchildren.stream().noneMatch(ProcStat::running));
        } finally {
            child.destroyForcibly();
        }
    }
}
