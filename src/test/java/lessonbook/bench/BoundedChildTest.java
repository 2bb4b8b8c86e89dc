package lessonbook.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The bench's children as a hung or flooding child meets them: ended on time with their tree, lines bounded. */
class BoundedChildTest {

    /** A child that starts a grandchild ({@code sleep 600}), prints its pid, then hangs with its stdout open. */
    public static final class Hanger {
        public static void main(String[] args) throws Exception {
            Process grandchild = new ProcessBuilder("sleep", "600").start();
            System.out.println("grandchild " + grandchild.pid());
            System.out.flush();
            Thread.sleep(600_000);
        }
    }

    /** A child that prints a 1 MB line with no line end, then the given lines on stdout and stderr, then exits 3. */
    public static final class Flooder {
        public static void main(String[] args) {
            System.out.print("x".repeat(1_000_000));
            System.out.println();
            for (int i = 0; i < 100; i++) {
                System.err.println("err " + i);
            }
            System.out.println("last");
            System.exit(3);
        }
    }

    @Test
    void aChildThatHangsIsEndedWithItsTreeWhenItsTimeIsUp() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        long t0 = System.nanoTime();

        BoundedChild.Ended ended = BoundedChild.run(
                new ProcessBuilder(BoundedChild.javaCommand(List.of(), Hanger.class, List.of())),
                new BoundedChild.Lines(lines::add), new BoundedChild.Inherit(), Duration.ofSeconds(3));

        assertThat(ended.timedOut()).isTrue();
        assertThat(ended.ok()).isFalse();
        assertThat(ended.describe()).isEqualTo("still running after 3 s, ended");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
        assertThat(lines).hasSize(1).allMatch(l -> l.startsWith("grandchild "));
        long grandchild = Long.parseLong(lines.get(0).substring("grandchild ".length()));
        ProcessHandle.of(grandchild).ifPresent(p -> p.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }

    @Test
    void aLongLineIsCutAndTheStreamsTailsAreKept() throws Exception {
        List<String> out = new CopyOnWriteArrayList<>();
        BoundedChild.Tail err = new BoundedChild.Tail(10);

        BoundedChild.Ended ended = BoundedChild.run(
                new ProcessBuilder(BoundedChild.javaCommand(List.of(), Flooder.class, List.of())),
                new BoundedChild.Lines(out::add), new BoundedChild.Lines(err), Duration.ofSeconds(60));

        assertThat(ended.exitCode()).isEqualTo(3);
        assertThat(ended.describe()).isEqualTo("exit code 3");
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).hasSize(BoundedChild.MAX_LINE_CHARS + BoundedChild.CUT.length())
                .endsWith(BoundedChild.CUT);
        assertThat(out.get(1)).isEqualTo("last");
        assertThat(err.lines()).hasSize(10).startsWith("err 90").endsWith("err 99");
        assertThat(err.text()).startsWith("err 90\n").endsWith("err 99\n");
    }

    @Test
    void linesLoseTheirCarriageReturnAndALastLineWithoutAnEndIsKept() throws IOException {
        List<String> lines = new ArrayList<>();

        BoundedChild.readLines(new StringReader("a\r\nb\n\nc"), lines::add);

        assertThat(lines).containsExactly("a", "b", "", "c");
    }
}
