package lessonbook.kernel.jvm;

import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Which cell a piece of output belongs to. The cell id travels with the thread that evaluates a cell and
 * with every thread started from it (an inheritable thread-local), so a background thread's output lands in
 * the cell that started it even after that cell finished.
 */
final class CellContext {
    private static final InheritableThreadLocal<String> CELL = new InheritableThreadLocal<>();
    private static volatile String running;
    private static volatile String last;
    private static volatile long runs;

    private CellContext() {
    }

    /** Called on the evaluating thread before a cell runs; the "main" thread adopts the id, and its threads inherit it. */
    static void enter(String cellId) {
        CELL.set(cellId);
        runs++;
        running = cellId;
        last = cellId;
    }

    /** Called on the long-lived "main" thread before each snippet: it works for the cell that runs it. */
    static void adopt(String cellId) {
        CELL.set(cellId.isEmpty() ? null : cellId);
    }

    static void leave() {
        running = null;
    }

    /** Counts cell runs, so that something said once per run can tell one run from the next. */
    static long runs() {
        return runs;
    }

    static String running() {
        return running;
    }

    /** The cell the current thread works for; pooled threads (shared across cells) count as the running cell. */
    static String current() {
        String cell = Thread.currentThread() instanceof ForkJoinWorkerThread ? null : CELL.get();
        if (cell == null) {
            cell = running;
        }
        if (cell == null) {
            cell = last;
        }
        return cell == null ? "" : cell;
    }
}
