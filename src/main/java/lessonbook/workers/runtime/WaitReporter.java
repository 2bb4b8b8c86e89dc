package lessonbook.workers.runtime;

import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

import lessonbook.workers.shared.WaitStates;

/**
 * Inside a worker JVM: tells the parent, on the control channel, what this worker waits on and which lock it
 * holds, whenever that changed, looking every 100 ms while there is anything to look at: at most ten small messages a
 * second, whatever the task does, and nothing at all while the task never waits or locks.
 * <p>
 * A spare starts the reporter's thread while it is idle ({@link #prepare()}), and the thread waits there for the
 * channel: made when the task arrives, a thread cost the worker's main thread ~1 ms of CPU (interpreted, ten
 * workers sharing two cores) at the start of every timed run. Threads: {@link #prepare()} and {@link #start} are
 * called by the worker's main thread, once each at most; the reporter reads the channel once it was handed over.
 */
final class WaitReporter implements Runnable {
    private static final long EVERY_MS = 100;
    /** The spare's reporter, waiting for its channel; main thread only. */
    private static WaitReporter prepared;

    private final Thread thread;
    private volatile WorkerChannel channel;

    private WaitReporter() {
        thread = new Thread(this, "lessonbook-wait-reporter");
        thread.setDaemon(true);
    }

    /** Starts the reporter's thread, which waits for {@link #start}. */
    static void prepare() {
        if (prepared == null) {
            prepared = new WaitReporter();
            prepared.thread.start();
        }
    }

    /** Reports on {@code channel} from now on, on the thread {@link #prepare()} started (now, if no spare did). */
    static void start(WorkerChannel channel) {
        prepare();
        WaitReporter reporter = prepared;
        prepared = null;
        reporter.channel = channel;
        LockSupport.unpark(reporter.thread);
    }

    @Override
    public void run() {
        WorkerChannel to;
        while ((to = channel) == null) {
            LockSupport.park(this);   // a spare's reporter: its worker has no task yet
        }
        report(to);
    }

    private static void report(WorkerChannel channel) {
        WaitStates.Snapshot last = WaitStates.Snapshot.NOTHING;
        while (true) {
            try {
                if (last.equals(WaitStates.Snapshot.NOTHING)) {
                    WaitStates.awaitActivity();
                }
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
