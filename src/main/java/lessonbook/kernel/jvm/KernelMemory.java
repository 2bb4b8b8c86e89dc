package lessonbook.kernel.jvm;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import lessonbook.process.EndThisJvm;
import lessonbook.process.OutOfMemoryExit;
import lessonbook.workers.runtime.WorkerRuntime;

/**
 * What the kernel does when its heap runs out. The cells and the kernel share one heap (JShell runs the cells'
 * code in this JVM), so an {@link OutOfMemoryError} can land in either:
 * <ul>
 *   <li>in cell code ({@code new int[Integer.MAX_VALUE - 8]}, a list grown in an endless loop): the cell fails
 *       with the error, as in jshell, and the kernel keeps its definitions. The cell's thread gives up
 *       {@link #reserve} at once ({@link #cellRanOutOfMemory}), so that reporting the error has room even when
 *       the notebook's variables still hold the whole heap; after the cell the kernel takes it back when there is
 *       room, and otherwise says what holds the heap ({@link #afterCell});</li>
 *   <li>in the kernel's own code (javac compiling a cell, the socket's threads): the kernel cannot know what was
 *       half done, so it ends at once, printing what HotSpot's {@code -XX:+ExitOnOutOfMemoryError} prints, which
 *       the host reads to say "the kernel ran out of memory" in the cell ({@link #endKernel}). A kernel left
 *       running with its serving thread dead hung {@code run} for good (tried at {@code -Xmx1g}).</li>
 * </ul>
 * Threading: {@link #cellRanOutOfMemory} from any cell thread; {@link #afterCell} on the evaluating thread;
 * {@link #endKernel} from any thread.
 */
final class KernelMemory {
    /** HotSpot's own words under {@code -XX:+ExitOnOutOfMemoryError}; {@code KernelExit} looks for them. */
    private static final byte[] TERMINATING = OutOfMemoryExit.LINE_START.getBytes(StandardCharsets.US_ASCII);
    /** The JVM's own stdout, outside the protocol (System.out is the cells'); opened now, not when out of memory. */
    private static final FileOutputStream JVM_STDOUT = new FileOutputStream(FileDescriptor.out);
    /** The kernel's heap is "still full" after a cell when less than this share of it is free. */
    private static final double FULL_BELOW_FREE_SHARE = 0.10;

    private static final int RESERVE_BYTES = (int) Math.min(16L << 20, Runtime.getRuntime().maxMemory() / 16);
    /** Room the kernel keeps back for reporting a cell's OutOfMemoryError; null while given up. */
    private static volatile byte[] reserve = new byte[RESERVE_BYTES];

    private KernelMemory() {
    }

    /**
     * Makes the reserve and opens the JVM's stdout now, at the kernel's start: this class's first use must not be
     * the moment a cell ran out of memory (the reserve's allocation would fail there, and the class with it). Nor
     * may {@link EndThisJvm}'s: loading it when the heap is full fails before it can halt, and a child whose heap
     * was filled to the last bytes stayed alive that way ({@code EndThisJvmTest}).
     */
    static void prepare() {
        // the class's initialization does the rest
        EndThisJvm.prepare();
    }

    /** A cell's thread ran out of memory: the reserve goes, so the error can be reported and the cell ended. */
    static void cellRanOutOfMemory() {
        reserve = null;
    }

    /**
     * Called after every cell. When a cell ran out of memory, takes the reserve back if the heap has room again
     * (the cell's own data became garbage as it ended) and returns nothing; when the notebook's variables still
     * fill it, returns the heap in use and its maximum, in bytes, and the reserve stays given up until they let
     * go (a later cell sets the variable to null, and the check after that cell takes the reserve back).
     */
    static HeapInUse afterCell() {
        if (reserve != null) {
            return null;
        }
        // one full collection, only after an OutOfMemoryError: what is in use after it is what the notebook holds
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        long max = runtime.maxMemory();
        if (max - used >= max * FULL_BELOW_FREE_SHARE) {
            try {
                reserve = new byte[RESERVE_BYTES];
                return null;
            } catch (OutOfMemoryError stillFull) {
                // reported below, with the figures of the collection that failed
                used = runtime.totalMemory() - runtime.freeMemory();
            }
        }
        return new HeapInUse(used, max);
    }

    /** How full the heap is after the full collection of {@link #afterCell}. */
    record HeapInUse(long usedBytes, long maxBytes) {
    }

    /**
     * Ends the kernel after an OutOfMemoryError outside cell code: says so on the JVM's stdout as HotSpot would,
     * ends the worker JVMs it started, then itself. Never returns.
     */
    static void endKernel(OutOfMemoryError error) {
        reserve = null;
        try {
            JVM_STDOUT.write(TERMINATING);
            String kind = error.getMessage() == null ? "" : error.getMessage();
            JVM_STDOUT.write((kind + "\n").getBytes(StandardCharsets.UTF_8));
            JVM_STDOUT.flush();
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            // the host then reports the exit code alone
        }
        try {
            WorkerRuntime.terminateAll();
        } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
            // ending the tree below covers the workers too
        }
        EndThisJvm.now(OutOfMemoryExit.EXIT_CODE);
    }
}
