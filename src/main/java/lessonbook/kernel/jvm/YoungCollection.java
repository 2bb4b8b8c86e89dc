package lessonbook.kernel.jvm;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Collects the kernel's young generation before a cell's code runs, when its eden is already more than half full,
 * so that the collection javac's compile of the cell made due lands before the student's code and not in the
 * middle of what it times. Python's {@code timeit} keeps its collector out of timed code for the same reason.
 * <p>
 * Why: the kernel's eden (SerialGC) fills mostly with the compiles of cells; a young collection then copies the
 * live part (JShell's and javac's, 5-15 MB) and stops the kernel for 30-140 ms. Found in the default lesson run
 * three times with {@code run}: a collection fell in or right at the end of the timed "one worker per input" cell
 * each time, once 135 ms inside it. Work that costs a pause anyway is moved, not added: at most one collection
 * per snippet, and only one that the next ~half eden of allocation would have caused.
 * <p>
 * The JDK has no call for "a young collection now" ({@code System.gc()} is a full one, which also walks the old
 * generation: far dearer). So this allocates short-lived arrays until the young collector's count moves, at most
 * one eden's worth. Called on the thread about to run the cell's code; no state beyond the MXBeans, looked up once.
 */
final class YoungCollection {
    /**
     * On unless {@code -Dlessonbook.kernel.youngCollection=false} is in the kernel's options. (It was off for a
     * while: an interrupt test failed with it on; the cause was a stop landing in {@link CellMainThread}'s hand-back,
     * since mended, which the collection's timing only made likelier.)
     */
    static final boolean ENABLED = !"false".equals(System.getProperty("lessonbook.kernel.youngCollection"));
    /** Fuller than this before a cell's code runs: collect first. */
    static final double FULLER_THAN = 0.5;
    private static final int CHUNK = 256 * 1024;
    /** Young collectors by the names the JDK's collectors give them. */
    private static final List<String> YOUNG_COLLECTORS = List.of("Copy", "G1 Young Generation", "PS Scavenge",
            "ParNew");
    private static final Optional<YoungCollection> THIS_JVM = find();
    /** Where the arrays go, so the JIT cannot prove them unused and drop the allocation. */
    private static volatile byte[] sink;

    private final MemoryPoolMXBean eden;
    private final GarbageCollectorMXBean collector;

    private YoungCollection(MemoryPoolMXBean eden, GarbageCollectorMXBean collector) {
        this.eden = eden;
        this.collector = collector;
    }

    /**
     * Before a snippet's code: a young collection now if eden is more than half full. The kernel asks for it before
     * every cell's code but its first one's ({@link CellEvaluator}).
     */
    static void ifEdenOverHalfFull() {
        if (ENABLED) {
            THIS_JVM.ifPresent(YoungCollection::ifFuller);
        }
    }

    private void ifFuller() {
        MemoryUsage usage = eden.getUsage();
        long capacity = usage.getCommitted();
        if (capacity <= 0 || usage.getUsed() <= capacity * FULLER_THAN) {
            return;
        }
        long before = collector.getCollectionCount();
        // bounded: an eden that grew meanwhile, or a collector that does not count, costs one eden of garbage
        try {
            for (long allocated = 0; allocated <= capacity && collector.getCollectionCount() == before;
                    allocated += CHUNK) {
                sink = new byte[CHUNK];
            }
        } finally {
            sink = null;
        }
    }

    private static Optional<YoungCollection> find() {
        try {
            Optional<MemoryPoolMXBean> eden = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP && p.getName().contains("Eden")).findFirst();
            Optional<GarbageCollectorMXBean> young = ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .filter(c -> YOUNG_COLLECTORS.contains(c.getName()))
                    .filter(c -> eden.isPresent() && Arrays.asList(c.getMemoryPoolNames()).contains(eden.get().getName()))
                    .findFirst();
            return eden.isPresent() && young.isPresent()
                    ? Optional.of(new YoungCollection(eden.get(), young.get())) : Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();   // a runtime without java.management: cells run as before
        }
    }
}
