package lessonbook.kernel.protocol;

import java.io.Serializable;

/** Host to kernel. Every request that expects an answer carries an id that its answer echoes. */
public sealed interface KernelRequest extends Serializable {

    /**
     * Evaluate the whole text of a cell, snippet by snippet, in order. {@code folder} is the notebook's folder
     * (absolute), against which the cell's {@code %jars} and {@code %classpath} resolve relative paths; null for a
     * notebook not saved yet (then the kernel's working directory).
     */
    record Execute(long requestId, String cellId, String code, String folder) implements KernelRequest {
        public Execute(long requestId, String cellId, String code) {
            this(requestId, cellId, code, null);
        }
    }

    /** Stop the running cell. Handled on the reader thread, never queued behind an execution. */
    record Interrupt() implements KernelRequest {
    }

    /**
     * Completion suggestions for the cursor position in {@code code}. Answered on a thread of the kernel's own, not
     * queued behind the cells: while a cell runs its code, at once; after the cells queued before it have run or
     * are running their code, so the answer knows what they define. Always answered (empty when too many wait).
     */
    record Complete(long requestId, String code, int cursor) implements KernelRequest {
    }

    /** Signature and javadoc of the symbol at the cursor. Answered as {@link Complete} is. */
    record Documentation(long requestId, String code, int cursor) implements KernelRequest {
    }

    /**
     * The answer to {@link KernelEvent.InputRequested}: one line without its line end, or null for end of input
     * (the cell's Scanner then throws NoSuchElementException, readLine returns null). Handled on the reader
     * thread, never queued: the running cell waits for it. The kernel echoes the line into the cell's stdout, as
     * a terminal shows what is typed. A line longer than {@link #MAX_LINE_CHARS} is refused there with a notice
     * in the cell (the cell gets end of input); hosts refuse it first.
     */
    record InputReply(long inputId, String line) implements KernelRequest {
        public static final int MAX_LINE_CHARS = 10_000;
    }

    /**
     * The notebook's variables for the Variables panel. Queued like an execution: answered between cells, never
     * while one runs (JShell serves one thing at a time), and without running any of the notebook's code.
     */
    record Variables(long requestId) implements KernelRequest {
    }

    /** End the kernel and every process it started. */
    record Shutdown() implements KernelRequest {
    }
}
