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

import lessonbook.testkit.TestJvm;

/** The app's JIT compilers end up below the workers' priority; the window's threads keep theirs. */
@EnabledOnOs(OS.LINUX)
class WindowCompilersTest {
    @Test
    void theCompilerThreadsOfAJvmThatAsksRunAtNiceNineteen() throws Exception {
        Process child = TestJvm.running(List.of(), Child.class).redirectErrorStream(true).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String report = new String(child.getInputStream().readAllBytes());

        assertThat(report).contains("C2 CompilerThre 19").contains("VM Thread 0").contains("java 0");
        assertThat(report.lines().filter(l -> l.startsWith("C1 CompilerThre") || l.startsWith("C2 CompilerThre")))
                .allSatisfy(line -> assertThat(line).endsWith(" 19"));
    }

    @Test
    void theCompilersKeepTheirPriorityUntilACellFirstRuns() throws Exception {
        Process child = TestJvm.running(List.of(), Child.class, "once-a-cell-runs").redirectErrorStream(true).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String report = new String(child.getInputStream().readAllBytes());

        String before = report.substring(0, report.indexOf("-- a cell runs"));
        String after = report.substring(report.indexOf("-- a cell runs"));
        assertThat(before).contains("C2 CompilerThre 0").doesNotContain("CompilerThre 19");
        assertThat(after).contains("C2 CompilerThre 19").contains("VM Thread 0");
    }

    @Test
    void afterTheDirectiveAHotMethodIsCompiledByC1OnlyNeverByC2() throws Exception {
        Process child = TestJvm.running(List.of("-XX:+PrintCompilation"), HotLoop.class).redirectErrorStream(true).start();
        String report = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(report).contains("directive in place: true");
        String after = report.substring(report.indexOf("directive in place"));
        // PrintCompilation: "<ms> <id> <flags> <level> <method> ..."; the hot method is compiled, never at level 4
        List<String> hot = after.lines().filter(l -> l.contains("HotLoop::sum") && !l.contains("made not"))
                .collect(java.util.stream.Collectors.toList());
        assertThat(hot).isNotEmpty().noneMatch(l -> l.matches("\\s*\\d+\\s+\\d+\\s+[%sbn! ]*4\\s+.*"));
        assertThat(hot).anyMatch(l -> l.matches("\\s*\\d+\\s+\\d+\\s+[%sbn! ]*1\\s+.*"));
    }

    /** Adds the app's directive, then runs a method hot enough that C2 would compile it. */
    static final class HotLoop {
        static long sum(long n) {
            long s = 0;
            for (long i = 0; i < n; i++) {
                s += i ^ (s >>> 3);
            }
            return s;
        }

        public static void main(String[] args) {
            System.out.println("directive in place: " + lessonbook.jit.HostCompilers.c1Only());
            System.out.flush();
            long total = 0;
            for (int i = 0; i < 20_000; i++) {
                total += sum(2_000);
            }
            System.out.println("total " + total);
        }
    }

    /**
     * Lowers its compilers as the app does, then prints each thread's name and niceness; with an argument, as the
     * app's window does: nothing until a cell of its lesson runs.
     */
    static final class Child {
        public static void main(String[] args) throws Exception {
            if (args.length == 0) {
                lessonbook.jit.HostCompilers.lower();
                printNiceness();
                return;
            }
            lessonbook.model.NotebookDocument document = lessonbook.model.NotebookDocument.untitled();
            WindowCompilers.stepBackOnceCellsRun(document);
            String cell = document.cells().get(0).id();
            document.setRuntime(cell, lessonbook.model.CellRuntime.queued());
            Thread.sleep(300);   // a lowering started by mistake would have run by now (renice takes ~10 ms)
            printNiceness();
            System.out.println("-- a cell runs");
            document.setRuntime(cell, lessonbook.model.CellRuntime.running(java.time.Instant.now()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!niceness().contains("C2 CompilerThre 19") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            printNiceness();
        }

        private static void printNiceness() throws IOException {
            System.out.print(niceness());
        }

        private static String niceness() throws IOException {
            StringBuilder out = new StringBuilder();
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
                for (Path task : tasks) {
                    String stat;
                    String name;
                    try {
                        stat = Files.readString(task.resolve("stat"));
                        name = Files.readString(task.resolve("comm")).trim();
                    } catch (java.nio.file.NoSuchFileException e) {
                        continue;   // a thread that ended since the listing (the renice helper's reaper)
                    }
                    // Fields after the ")" that ends the name: state is field 3, nice is field 19.
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    List<String> line = new ArrayList<>();
                    line.add(name);
                    line.add(fields[19 - 3]);
                    out.append(String.join(" ", line)).append('\n');
                }
            }
            return out.toString();
        }
    }
}
