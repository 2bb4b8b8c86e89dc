package lessonbook.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lessonbook.testkit.TestJvm;

/** The one way a child JVM ends at once, tried where it is hardest: with no heap left to end with. */
class EndThisJvmTest {
    @TempDir
    Path temp;

    /**
     * A kernel out of memory set out to end itself, ran out of memory again while ending (the list of its children,
     * the kill command), and stayed alive with its cell waiting (JDK 25 at 64 MB). Here a child fills its heap to
     * the last bytes and then ends itself: it must halt with the code it asked for. 137 would mean its kill command
     * ran (the ending found memory enough, and this test tried nothing); a hang, that an error escaped the ending.
     */
    @Test
    void aJvmWhoseHeapIsFullStillEnds() throws Exception {
        Path printed = temp.resolve("printed.txt");
        ProcessBuilder command = TestJvm.running(List.of("-XX:+UseSerialGC", "-Xmx24m"), FullHeapChild.class);
        command.redirectErrorStream(true).redirectOutput(printed.toFile());
        Process child = command.start();
        boolean ended;
        try {
            ended = child.waitFor(60, TimeUnit.SECONDS);
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(printed);
        assertThat(output).as("what the child printed").startsWith("filling");
        assertThat(ended).as("the child ended within 60 s; it printed: %s", output).isTrue();
        assertThat(child.exitValue()).as("exit code; it printed: %s", output).isEqualTo(FullHeapChild.HALTED);
    }
}
