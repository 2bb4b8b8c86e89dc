package lessonbook.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lessonbook.kernel.client.CellRun;
import lessonbook.kernel.client.JvmKernel;
import lessonbook.kernel.client.KernelListener;
import lessonbook.model.Output;
import lessonbook.model.StreamName;
import lessonbook.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Shared objects made in cells of a real kernel, used by real workers. */
class SharedObjectsInKernelTest {
    private static final Duration T = Duration.ofSeconds(60);
    private static final AtomicInteger CELLS = new AtomicInteger();
    private final Map<String, List<Output>> outputs = new ConcurrentHashMap<>();
    private JvmKernel kernel;

    @BeforeEach
    void start() {
        kernel = JvmKernel.start();
        kernel.addListener(new KernelListener() {
            @Override
            public void onOutput(String cellId, Output output) {
                outputs.computeIfAbsent(cellId, k -> new CopyOnWriteArrayList<>()).add(output);
            }
        });
        run("import lessonbook.workers.*;");
    }

    @AfterEach
    void stop() {
        kernel.close();
    }

    private String run(String code) {
        String cell = "cell-" + CELLS.incrementAndGet();
        try {
            CellRun run = kernel.execute(cell, code).get(T.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(run.ok()).as("cell %s: %s -> %s", cell, code, outputs.get(cell)).isTrue();
        } catch (Exception e) {
            throw new AssertionError("cell " + code + " did not finish: " + e + " " + outputs.get(cell), e);
        }
        return cell;
    }

    private String stdout(String cell) {
        return new ArrayList<>(outputs.getOrDefault(cell, List.of())).stream()
                .filter(o -> o instanceof Output.Stream s && s.stream() == StreamName.STDOUT)
                .map(Output::text).collect(Collectors.joining());
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

        List<Path> folders = kernelFolders(kernel.pid());
        assertThat(folders).as("the kernel's shared-object folder").hasSize(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folders.get(0)))).isEqualTo("rwx------");
        kernel.close();   // the host kills the kernel at once: it may not get to delete them itself
        kernel = JvmKernel.start();
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
