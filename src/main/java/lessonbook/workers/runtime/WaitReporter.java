package lessonbook.workers.runtime;

import java.io.IOException;

import lessonbook.workers.shared.WaitStates;

/**
 * Inside a worker JVM: tells the parent, on the control channel, what this worker waits on and which lock it
 * holds, whenever that changed, looking every 100 ms: at most ten small messages a second, whatever the task does.
 */
final class WaitReporter {
    private static final long EVERY_MS = 100;

    private WaitReporter() {
    }

    static void start(WorkerChannel channel) {
        Thread reporter = new Thread(() -> report(channel), "lessonbook-wait-reporter");
        reporter.setDaemon(true);
        reporter.start();
    }

    private static void report(WorkerChannel channel) {
        WaitStates.Snapshot last = WaitStates.Snapshot.NOTHING;
        while (true) {
            try {
                Thread.sleep(EVERY_MS);
                WaitStates.Snapshot now = WaitStates.now();
                if (!now.equals(last)) {
                    channel.send(new Messages.Waits(now.waitingOn(), now.holding()));
                    last = now;
                }
            } catch (InterruptedException | IOException e) {
                return;   // the parent is gone or the worker ends: nobody to tell
            }
        }
    }
}
