package lessonbook.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The one background thread that writes recovery files and exports for a window. One thread, so a discard
 * asked for after an autosave is carried out after it, and a slow disk never blocks the FX thread.
 */
final class FileWork implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "lessonbook-files");
        t.setDaemon(true);
        return t;
    });

    void submit(Runnable task) {
        if (!thread.isShutdown()) {
            thread.execute(task);
        }
    }

    /** Finishes what was asked (a write cut short would defeat its purpose), within a bound. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
