package lessonbook.kernel.protocol;

import java.io.Serializable;
import java.util.List;

import lessonbook.model.Output;

/** Kernel to host. Outputs name the cell that caused them, so late output (background threads,
 * workers) lands in the right pane even after that cell finished. */
public sealed interface KernelEvent extends Serializable {

    /** First event of a kernel: it has evaluated its start-up imports and takes requests. */
    record Ready(long pid, String javaVersion) implements KernelEvent {
    }

    record ExecuteStarted(long requestId, String cellId, int executionCount) implements KernelEvent {
    }

    record CellOutput(String cellId, Output output) implements KernelEvent {
    }

    /** Sent after all output the cell's own thread produced has been sent. */
    record ExecuteFinished(long requestId, String cellId, int executionCount, Outcome outcome)
            implements KernelEvent {
    }

    record Completions(long requestId, int anchor, List<Suggestion> suggestions) implements KernelEvent {
        public Completions {
            suggestions = List.copyOf(suggestions);
        }
    }

    record Suggestion(String continuation, boolean matchesType) implements Serializable {
    }

    record DocumentationResult(long requestId, List<Doc> docs) implements KernelEvent {
        public DocumentationResult {
            docs = List.copyOf(docs);
        }
    }

    record Doc(String signature, String javadoc) implements Serializable {
    }

    /**
     * The answer to {@link KernelRequest.Variables}: the notebook's variables in the order they were declared, the
     * newest {@link #MAX_VARIABLES} when there are more ({@code total} counts them all). Handled on the client's
     * event thread, which completes the asker's future.
     */
    record VariablesResult(long requestId, List<Variable> variables, int total) implements KernelEvent {
        public static final int MAX_VARIABLES = 500;

        public VariablesResult {
            variables = List.copyOf(variables);
        }
    }

    /**
     * One variable: its name, its declared type as written ({@code List<Long>}), a preview of its value, and where
     * its declaration ran as a {@link lessonbook.model.CellLine} text ("In [3], line 2"), or null when not known.
     */
    record Variable(String name, String type, String value, String declaredIn) implements Serializable {
    }

    /**
     * Sent by the kernel's shutdown hook (after flushing buffered output) when its JVM exits in an orderly
     * way, e.g. a cell called System.exit: lets the host tell that apart from a crash or a kill.
     */
    record Exiting() implements KernelEvent {
    }

    /**
     * What a running worker is doing now, sent while it runs: transient (shown in its lane, never kept in the
     * document nor saved). Bounded at the source: at most one of each kind per worker per ~100 ms (state) or
     * ~500 ms (CPU), and the kernel's flusher keeps only the newest of each kind per worker between flushes.
     * Handled on the client's event thread like any event; the app coalesces them again per worker.
     */
    sealed interface WorkerActivity extends KernelEvent {
        String cellId();

        String worker();

        long pid();
    }

    /** The worker's CPU time so far (from its start as this worker), sampled about every half second. */
    record WorkerCpu(String cellId, String worker, long pid, long cpuMillis) implements WorkerActivity {
    }

    /**
     * Whom the worker waits for now: {@code waitingOn} e.g. "WorkerLock 'counter'" when one of its threads has
     * waited longer than ~50 ms, else null; {@code holding} a lock one of its threads holds, else null. Also
     * sent for the kernel itself ({@link #KERNEL_PROCESS}) about the running cell.
     */
    record WorkerWaits(String cellId, String worker, long pid, String waitingOn, String holding)
            implements WorkerActivity {
        /** The {@code worker} of the kernel's own process (as Python's "MainProcess"): a cell's threads, no lane. */
        public static final String KERNEL_PROCESS = "MainProcess";
    }

    /**
     * A thread of {@code cellId} reads {@code System.in} and nothing typed is left: the host asks its user for one
     * line (the window shows a field in the cell's output, {@code run} reads its own stdin) and answers with
     * {@link KernelRequest.InputReply} naming {@code inputId}. Sent from the kernel's input thread after the output
     * printed before the read (the prompt). At most one is outstanding; it lapses when its cell ends or is
     * interrupted, and a late answer is ignored. Handled on the client's event thread like any event; a client
     * that did not enable input requests (Kernel.enableInputRequests) answers end of input at once.
     */
    record InputRequested(String cellId, long inputId) implements KernelEvent {
    }

    /** How an execution ended. */
    enum Outcome { OK, ERROR, INTERRUPTED }
}
