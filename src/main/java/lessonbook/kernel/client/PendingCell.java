package lessonbook.kernel.client;

import java.util.concurrent.CompletableFuture;

/** A cell waiting for, or in, its run on the kernel. Guarded by the owning {@link JvmKernel}'s lock. */
final class PendingCell {
    final String cellId;
    final String code;
    /** The notebook's folder, absolute, or null (see {@link lessonbook.kernel.protocol.KernelRequest.Execute}). */
    final String folder;
    final CompletableFuture<CellRun> future = new CompletableFuture<>();
    long requestId;
    long startNanos;
    int executionCount;

    PendingCell(String cellId, String code, String folder) {
        this.cellId = cellId;
        this.code = code;
        this.folder = folder;
    }
}
