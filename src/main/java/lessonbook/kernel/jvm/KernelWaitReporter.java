package lessonbook.kernel.jvm;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.workers.shared.WaitStates;

/**
 * The kernel's own side of contention: when a cell's thread (or one it started) waits on a shared object for
 * over ~50 ms, or holds a WorkerLock, the running cell's worker lanes say so ("the notebook waits on ..."). Looks
 * every 100 ms while anything waits or is held (an idle kernel does not wake for it) and sends only changes, as each
 * worker's reporter does, through the same transient path.
 */
final class KernelWaitReporter {
    private static final String PROCESS = KernelEvent.WorkerWaits.KERNEL_PROCESS;
    private static final long EVERY_MS = 100;

    private KernelWaitReporter() {
    }

    static void start(OutputHub hub) {
        Thread reporter = new Thread(() -> report(hub), "lessonbook-kernel-wait-reporter");
        reporter.setDaemon(true);
        reporter.start();
    }

    private static void report(OutputHub hub) {
        long pid = ProcessHandle.current().pid();
        WaitStates.Snapshot last = WaitStates.Snapshot.NOTHING;
        String lastCell = null;
        while (true) {
            try {
                if (last.equals(WaitStates.Snapshot.NOTHING)) {
                    WaitStates.awaitActivity();
                }
                Thread.sleep(EVERY_MS);
            } catch (InterruptedException e) {
                return;
            }
            WaitStates.Snapshot now = WaitStates.now();
            String cell = CellContext.running();
            boolean cellChanged = !java.util.Objects.equals(cell, lastCell);
            if (now.equals(last) && (!cellChanged || now.equals(WaitStates.Snapshot.NOTHING))) {
                lastCell = cell;
                continue;
            }
            if (lastCell != null && !lastCell.equals(cell) && !last.equals(WaitStates.Snapshot.NOTHING)) {
                hub.offerActivity(new KernelEvent.WorkerWaits(lastCell, PROCESS, pid, null, null));
            }
            if (cell != null) {
                hub.offerActivity(new KernelEvent.WorkerWaits(cell, PROCESS, pid, now.waitingOn(), now.holding()));
            }
            last = now;
            lastCell = cell;
        }
    }
}
