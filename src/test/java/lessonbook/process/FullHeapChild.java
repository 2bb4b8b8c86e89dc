package lessonbook.process;

/**
 * A child for {@link EndThisJvmTest}: a JVM that must end at once while its heap is full, as a kernel out of memory
 * does. A second, non-daemon thread keeps it alive the way a kernel's other threads do, so that an error escaping
 * {@link EndThisJvm#now} would leave it running instead of ending it. Prints "filling" before it fills the heap.
 */
public final class FullHeapChild {
    /** Ended at once but not by its own kill command: {@link EndThisJvm#now}'s {@code finally} halted it. */
    static final int HALTED = 3;
    /** What fills the heap, in a static field so that it stays reachable to the end. */
    private static Object[] held;

    private FullHeapChild() {
    }

    public static void main(String[] args) throws Exception {
        Thread stayAlive = new Thread(() -> {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // ends with the JVM
            }
        }, "stay-alive");
        stayAlive.start();
        while (stayAlive.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();   // asleep, so that it needs no memory later (its first steps load classes)
        }
        // as the kernel and the workers do while they have memory: the way out is loaded before it is needed
        EndThisJvm.prepare();
        System.out.println("filling");
        System.out.flush();
        fillTheHeap();
        // nothing between: printing would need the memory that is gone (and end this thread, not the JVM)
        EndThisJvm.now(HALTED);
    }

    /**
     * Fills the heap down to its last few bytes: chunks of halving size, each linked to the one before (a list's
     * backing array would run out of memory growing, not filling), until even 16 bytes no longer fit.
     */
    private static void fillTheHeap() {
        for (int size = 1 << 20; size >= 16; size /= 2) {
            try {
                while (true) {
                    held = new Object[] {held, new byte[size]};
                }
            } catch (OutOfMemoryError full) {
                // the next, smaller size
            }
        }
    }
}
