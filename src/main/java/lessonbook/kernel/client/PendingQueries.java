package lessonbook.kernel.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import lessonbook.kernel.protocol.KernelEvent;

/**
 * The editor's questions (completions, documentation) sent to the kernel and not answered yet, by request id.
 * Not thread-safe: guarded by the owning {@link JvmKernel}'s lock.
 */
final class PendingQueries {
    private final ListenerDispatch dispatch;
    private final Map<Long, CompletableFuture<KernelEvent>> byRequestId = new HashMap<>();

    PendingQueries(ListenerDispatch dispatch) {
        this.dispatch = dispatch;
    }

    CompletableFuture<KernelEvent> await(long requestId) {
        CompletableFuture<KernelEvent> answer = new CompletableFuture<>();
        byRequestId.put(requestId, answer);
        return answer;
    }

    /** Completes the question's future on the event thread; an answer nobody waits for is dropped. */
    void answer(long requestId, KernelEvent event) {
        CompletableFuture<KernelEvent> future = byRequestId.remove(requestId);
        if (future != null) {
            dispatch.run(() -> future.complete(event));
        }
    }

    /** The kernel that was asked is gone: every open question fails with {@code reason}. */
    void failAll(String reason) {
        List<CompletableFuture<KernelEvent>> failed = new ArrayList<>(byRequestId.values());
        byRequestId.clear();
        failed.forEach(f -> f.completeExceptionally(new IllegalStateException(reason)));
    }
}
