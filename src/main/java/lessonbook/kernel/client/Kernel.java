package lessonbook.kernel.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import lessonbook.kernel.protocol.KernelEvent;

/**
 * The host's view of a kernel: a JShell in another JVM. Executions are queued and run one at a time in
 * request order. Implementations are thread-safe.
 */
public interface Kernel extends AutoCloseable {

    /**
     * Queues a cell; the future completes when it finished, failed, was interrupted or the kernel died. It is the
     * cell's one end signal: completed on the listeners' thread, after every output of the cell's own run was
     * told to them (output of its background threads and workers may still follow).
     */
    CompletableFuture<CellRun> execute(String cellId, String code);

    /**
     * As {@link #execute(String, String)}, for a cell of a notebook saved in {@code folder} (null if unsaved): its
     * {@code %jars} and {@code %classpath} magics resolve relative paths there.
     */
    default CompletableFuture<CellRun> execute(String cellId, String code, java.nio.file.Path folder) {
        return execute(cellId, code);
    }

    /**
     * Stops the running cell and drops queued ones. If JShell's stop does not take within a grace period,
     * the kernel process tree is killed and a fresh kernel started; the cell is told so.
     */
    void interrupt();

    /** Ends the kernel and every process it started, then starts a fresh one. */
    CompletableFuture<Void> restart();

    CompletableFuture<KernelEvent.Completions> complete(String code, int cursor);

    CompletableFuture<List<KernelEvent.Doc>> documentation(String code, int cursor);

    void addListener(KernelListener listener);

    void removeListener(KernelListener listener);

    KernelStatus status();

    /** The kernel JVM's pid: the lesson's "main process". */
    long pid();

    /** Ends the kernel and every process it started. Never throws. */
    @Override
    void close();
}
