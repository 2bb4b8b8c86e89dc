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

    /** Completion suggestions for the cursor position in {@code code}. */
    record Complete(long requestId, String code, int cursor) implements KernelRequest {
    }

    /** Signature and javadoc of the symbol at the cursor. */
    record Documentation(long requestId, String code, int cursor) implements KernelRequest {
    }

    /** End the kernel and every process it started. */
    record Shutdown() implements KernelRequest {
    }
}
