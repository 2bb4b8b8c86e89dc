package lessonbook.kernel.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Calls listeners on one event thread, in the order things happened, so a slow listener never holds up the
 * socket reader. Futures are completed on this thread too, after the listener calls that precede them.
 */
final class ListenerDispatch {
    private final List<KernelListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lessonbook-kernel-events");
        t.setDaemon(true);
        return t;
    });

    void add(KernelListener listener) {
        listeners.add(listener);
    }

    void remove(KernelListener listener) {
        listeners.remove(listener);
    }

    void each(Consumer<KernelListener> call) {
        run(() -> {
            for (KernelListener listener : listeners) {
                try {
                    call.accept(listener);
                } catch (RuntimeException e) {
                    // One broken listener must not silence the others.
                    e.printStackTrace();
                }
            }
        });
    }

    void run(Runnable action) {
        try {
            thread.execute(action);
        } catch (RejectedExecutionException e) {
            action.run();
        }
    }

    /** Delivers what is queued (bounded wait), then stops the thread. */
    void shutdown() {
        thread.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
