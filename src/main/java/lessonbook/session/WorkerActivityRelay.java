package lessonbook.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import lessonbook.kernel.protocol.KernelEvent;

/**
 * Hands workers' live activity (CPU so far, what they wait on) to the document thread, apart from the outputs:
 * it is shown and forgotten, never appended to the document, so it needs none of the output budget. Between two
 * hand-overs only the newest of each kind per worker waits here (bounded by the running workers), and at most
 * one hand-over is queued on the document thread at a time.
 */
final class WorkerActivityRelay {
    private final Executor documentThread;
    private final Map<String, KernelEvent.WorkerActivity> pending = new LinkedHashMap<>();
    private boolean handOverQueued;
    /** Document thread only. */
    private Consumer<KernelEvent.WorkerActivity> listener = a -> { };

    WorkerActivityRelay(Executor documentThread) {
        this.documentThread = documentThread;
    }

    /** Document thread. */
    void setListener(Consumer<KernelEvent.WorkerActivity> listener) {
        this.listener = listener;
    }

    /** Any thread (the kernel client's event thread). */
    void offer(KernelEvent.WorkerActivity activity) {
        synchronized (pending) {
            pending.put(activity.getClass().getSimpleName() + activity.pid(), activity);
            if (handOverQueued) {
                return;
            }
            handOverQueued = true;
        }
        documentThread.execute(this::handOver);
    }

    private void handOver() {
        List<KernelEvent.WorkerActivity> batch;
        synchronized (pending) {
            batch = new ArrayList<>(pending.values());
            pending.clear();
            handOverQueued = false;
        }
        for (KernelEvent.WorkerActivity activity : batch) {
            listener.accept(activity);
        }
    }
}
