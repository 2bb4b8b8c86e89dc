package lessonbook.workers.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import lessonbook.process.ClassDataArchive;
import lessonbook.process.CompiledLoops;
import lessonbook.process.ExtraJvmOptions;

/**
 * The options every worker JVM starts with, and why each is there: a worker runs one cell's task (often one hot
 * loop) or a pool's chunks, ten of them may share two cores, and the JVM's defaults are tuned for long-lived
 * servers. Spares and workers started on demand get the same list; a spare whose options differ from the list now
 * (a changed {@code lessonbook.workers.*} property) is not used.
 */
public final class WorkerJvmOptions {
    private WorkerJvmOptions() {
    }

    /** The heap a worker gets, as {@code -Xmx} takes it ("256m"). */
    public static String heap() {
        return System.getProperty("lessonbook.workers.xmx", "256m");
    }

    /** {@link #heap()} in bytes ({@code 256m}, {@code 1g}, {@code 524288k}, plain bytes); 256 MB if unreadable. */
    static long heapBytes() {
        String heap = heap().trim().toLowerCase(java.util.Locale.ROOT);
        long unit = heap.endsWith("g") ? 1L << 30 : heap.endsWith("m") ? 1L << 20 : heap.endsWith("k") ? 1L << 10 : 1;
        try {
            return Long.parseLong(unit == 1 ? heap : heap.substring(0, heap.length() - 1)) * unit;
        } catch (NumberFormatException e) {
            return 256L << 20;
        }
    }

    /**
     * The workers' class-data archive, read once per JVM: a spare is used only while its options are today's, so
     * an archive that appears mid-session (or is pruned) must not make the ready spares useless.
     */
    private static final class Archive {
        static final List<String> OPTIONS = archive(ClassDataArchive.userCacheFolder()).options();
    }

    /**
     * Where the workers' class-data archive is: a spare's start-up loads ~530 classes that the JDK's own archive
     * does not hold (its runtime's, and the JDK's serialization, lambda and process code), ~80 ms of the ~380 ms of
     * CPU a spare takes to get ready (measured on 2 cores, JDK 17: main thread 270-283 ms without, 204-216 with; its
     * compiler thread 85-91 against 72-79). Made beside the kernel's, by the kernel's training run
     * ({@link WorkerTraining}).
     */
    static ClassDataArchive archive(Path directory) {
        return new ClassDataArchive(directory, "worker");
    }

    /**
     * The options in order, the archive's included when there is one ({@code -Dlessonbook.workers.cds=false}: never);
     * public for the bench's peer of ten plain JVMs, which must compile its loop alike.
     */
    public static List<String> all() {
        List<String> options = new ArrayList<>(base());
        if (Boolean.parseBoolean(System.getProperty("lessonbook.workers.cds", "true"))) {
            options.addAll(Archive.OPTIONS);
        }
        // last, so that the user's choice wins where options overlap
        options.addAll(ExtraJvmOptions.fromProperty("lessonbook.workers.jvmOptions"));
        return options;
    }

    /** The defaults alone, without the archive or the user's options: also the archive's training run's. */
    static List<String> base() {
        List<String> options = new ArrayList<>();
        options.add("-XX:+UseSerialGC");
        options.add("-XX:-UsePerfData");   // no shared-memory counters file to create and delete per worker
        // C2 only: a worker runs the cell's hot loop once, and the runtime's own run-once code is not worth compiling.
        options.add("-XX:-TieredCompilation");
        // A thread waits for its method's compile instead of interpreting it meanwhile: ten workers share two cores,
        // and a worker interpreting its loop at a thirtieth of the speed while C2 compiles that loop spends a core
        // the others could use. Ten workers of the lesson: ~15 ms less of the run's ~90 ms above its ideal
        // (alternating bench runs on 2 cores).
        options.add("-XX:-BackgroundCompilation");
        // ...but the shared objects' code (VarHandles on mapped memory, ~µs a call when interpreted) is compiled
        // after 100 calls, not C2's 10,000: a queue's first 2,000 round trips took 0.050 ms each, now ~0.022.
        // "quiet": the command would print itself on the worker's stdout, which is the cell's output.
        options.add("-XX:CompileCommand=quiet");
        options.add("-XX:CompileCommand=CompileThresholdScaling,lessonbook/workers/shared/*.*,0.01");
        // ...and the runtime's own code (a pool's chunk loop and codec, the channel) compiles in the background:
        // waiting for it stalled both workers of a pool at once, 40-50 ms at about the 40th map of 1,000 small
        // items. With it, a pool's 60 such maps took 91-105 ms instead of 146-156, and no map over 15 ms.
        options.add("-XX:CompileCommand=BackgroundCompilation,lessonbook/workers/runtime/*.*,true");
        options.add("-XX:CompileCommand=BackgroundCompilation,lessonbook/process/*.*,true");
        // C2 compiles a cell's loops as the kernel's does (unrolled as far, polling for safepoints)
        options.addAll(CompiledLoops.OPTIONS);
        options.add("-Xmx" + heap());
        options.add("-XX:+ExitOnOutOfMemoryError");
        options.add("-Xshare:auto");
        options.add("-Dfile.encoding=UTF-8");
        return options;
    }
}
