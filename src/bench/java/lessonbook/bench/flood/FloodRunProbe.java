package lessonbook.bench.flood;

import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import lessonbook.cli.LessonbookCommand;

/**
 * Run in a child JVM (the flood suite gives it its small heap): {@code lessonbook run ...} through the same entry
 * as the command line ({@link LessonbookCommand#execute}), while a sampler takes the heap used after a full GC every
 * few seconds. What `run` holds grows while the cell prints and is let go when the command returns, so the figure
 * is the largest sample, not the last one. A full GC every 5 s costs the run little while the heap is small, and
 * where it is not the run is already in trouble. Usage: {@code FloodRunProbe REPORT run FILE OPTIONS...}.
 */
public final class FloodRunProbe {
    private static final long SAMPLE_EVERY_MS = 5_000;

    private FloodRunProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (PrintStream report = new PrintStream(new FileOutputStream(args[0]), true, StandardCharsets.UTF_8)) {
            Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
                report.println("error " + thread.getName() + ": " + e);
                e.printStackTrace();
            });
            long before = usedHeapAfterGc();
            report.println("heap_before " + before);
            AtomicLong max = new AtomicLong(before);
            long start = System.nanoTime();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(SAMPLE_EVERY_MS));
                    long used = usedHeapAfterGc();
                    max.accumulateAndGet(used, Math::max);
                    report.printf("heap_sample %.0f %d%n", (System.nanoTime() - start) / 1e9, used);
                }
            }, "heap sampler");
            sampler.setDaemon(true);
            sampler.start();
            try {
                report.println("exit " + LessonbookCommand.execute(Arrays.copyOfRange(args, 1, args.length)));
            } catch (Throwable t) {
                report.println("error main: " + t);
                t.printStackTrace();
            }
            sampler.interrupt();
            report.println("heap_max " + max.get());
            report.println("end");
        }
        Runtime.getRuntime().halt(0);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
