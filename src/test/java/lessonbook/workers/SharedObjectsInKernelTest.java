package lessonbook.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import lessonbook.testkit.KernelHarness;
import lessonbook.model.StreamName;
import lessonbook.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Shared objects made in cells of a real kernel, used by real workers. */
class SharedObjectsInKernelTest {
    private static final Duration T = Duration.ofSeconds(60);
    private KernelHarness h;

    @BeforeEach
    void start() {
        h = new KernelHarness().cellTimeout(T);
        run("import lessonbook.workers.*;");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private String run(String code) {
        KernelHarness.Ran ran = h.run(code);
        assertThat(ran.run().ok()).as("cell %s -> %s", code, ran.outputs()).isTrue();
        return ran.run().cellId();
    }

    private String stdout(String cell) {
        return KernelHarness.streamText(h.outputsOf(cell), StreamName.STDOUT);
    }

    @Test
    void aRecordDefinedInACellTravelsThroughQueuesBothWaysAndTheNextKernelSweepsTheFilesOfTheLast() throws IOException {
        run("record Point(int x, long pid) implements java.io.Serializable {}");
        run("var points = new WorkerQueue<Point>(); var back = new WorkerQueue<Point>();");
        String cell = run("var w = new Worker(() -> { Point p = points.get(); "
                + "back.put(new Point(p.x() + 1, ProcessHandle.current().pid())); });\n"
                + "w.start();\npoints.put(new Point(41, 0));\nvar r = back.get();\nw.join();\n"
                + "System.out.println(r.x() + \" \" + r.getClass().getSimpleName() + \" \" + (r.pid() == w.pid()) "
                + "+ \" \" + w.exitCode());");
        assertThat(stdout(cell)).isEqualTo("42 Point true 0\n");

        List<Path> folders = kernelFolders(h.kernel.pid());
        assertThat(folders).as("the kernel's shared-object folder").hasSize(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folders.get(0)))).isEqualTo("rwx------");
        h.close();   // the host kills the kernel at once: it may not get to delete them itself
        h = new KernelHarness().cellTimeout(T);
        run("1 + 1");
        Await.until("the ended kernel's shared objects deleted", T, () -> !Files.exists(folders.get(0)));
    }

    private static List<Path> kernelFolders(long pid) throws IOException {
        Path base = Path.of("/dev/shm/lessonbook-" + System.getProperty("user.name"));
        if (!Files.isDirectory(base)) {
            base = Path.of(System.getProperty("java.io.tmpdir"), "lessonbook-" + System.getProperty("user.name"));
        }
        try (Stream<Path> list = Files.list(base)) {
            return list.filter(p -> p.getFileName().toString().startsWith(pid + "-")).toList();
        }
    }
}
