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
     * Sent by the kernel's shutdown hook (after flushing buffered output) when its JVM exits in an orderly
     * way, e.g. a cell called System.exit: lets the host tell that apart from a crash or a kill.
     */
    record Exiting() implements KernelEvent {
    }

    /** How an execution ended. */
    enum Outcome { OK, ERROR, INTERRUPTED }
}
