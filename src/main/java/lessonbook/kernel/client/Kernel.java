package lessonbook.kernel.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.kernel.protocol.KernelRequest;

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

    /**
     * Whether the host shows a notebook this kernel can run (true until told otherwise). A kernel whose process
     * starts later ({@link JvmKernel#startWhen}) does not start it while not needed, and meanwhile answers
     * completion, documentation and variables requests with a failed future instead of holding them; a process
     * already running is left alone (its definitions are the user's). A queued cell or a restart counts as
     * needing it. Kernels without a process to spare ignore it.
     */
    default void setNeeded(boolean needed) {
    }

    /**
     * From now on a running cell's reads of System.in are told to listeners ({@link KernelListener#onInputRequested})
     * to answer. Until then, and for a client that never calls this, every read gets end of input at once: a client
     * that cannot ask anyone never leaves a cell waiting.
     */
    default void enableInputRequests() {
    }

    /**
     * Answers {@link KernelListener#onInputRequested}: one line typed for the running cell (without its line end),
     * or null for end of input. An answer to a request that lapsed (its cell ended or was interrupted) is ignored.
     * A kernel that cannot read input ignores it, and its cells read end of input.
     *
     * @throws IllegalArgumentException if the line is longer than {@link KernelRequest.InputReply#MAX_LINE_CHARS}
     */
    default void answerInput(long inputId, String line) {
        checkInputLine(line);
    }

    /** Refuses a line longer than the kernel takes, with a message a user can read. */
    static void checkInputLine(String line) {
        if (line != null && line.length() > KernelRequest.InputReply.MAX_LINE_CHARS) {
            throw new IllegalArgumentException("An input line may have at most "
                    + KernelRequest.InputReply.MAX_LINE_CHARS + " characters, not " + line.length() + ".");
        }
    }

    CompletableFuture<KernelEvent.Completions> complete(String code, int cursor);

    CompletableFuture<List<KernelEvent.Doc>> documentation(String code, int cursor);

    /**
     * The notebook's variables, answered between cells (after the running cell and those queued before this call).
     * A kernel that keeps none answers with none.
     */
    default CompletableFuture<KernelEvent.VariablesResult> variables() {
        return CompletableFuture.completedFuture(new KernelEvent.VariablesResult(0, List.of(), 0));
    }

    void addListener(KernelListener listener);

    void removeListener(KernelListener listener);

    KernelStatus status();

    /** The kernel JVM's pid: the lesson's "main process". */
    long pid();

    /** Ends the kernel and every process it started. Never throws. */
    @Override
    void close();
}
