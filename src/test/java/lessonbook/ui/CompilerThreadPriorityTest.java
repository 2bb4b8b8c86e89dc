package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The app's JIT compilers end up below the workers' priority; the window's threads keep theirs. */
@EnabledOnOs(OS.LINUX)
class CompilerThreadPriorityTest {
    @Test
    void theCompilerThreadsOfAJvmThatAsksRunAtNiceNineteen() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Child.class.getName())
                .redirectErrorStream(true).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String report = new String(child.getInputStream().readAllBytes());

        assertThat(report).contains("C2 CompilerThre 19").contains("VM Thread 0").contains("java 0");
        assertThat(report.lines().filter(l -> l.startsWith("C1 CompilerThre") || l.startsWith("C2 CompilerThre")))
                .allSatisfy(line -> assertThat(line).endsWith(" 19"));
    }

    /** Lowers its compilers as the app does, then prints each thread's name and niceness. */
    static final class Child {
        public static void main(String[] args) throws IOException {
            CompilerThreadPriority.lower();
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
                for (Path task : tasks) {
                    String stat = Files.readString(task.resolve("stat"));
                    // Fields after the ")" that ends the name: state is field 3, nice is field 19.
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    List<String> line = new ArrayList<>();
                    line.add(Files.readString(task.resolve("comm")).trim());
                    line.add(fields[19 - 3]);
                    System.out.println(String.join(" ", line));
                }
            }
        }
    }
}
