package lessonbook.ui;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import lessonbook.kernel.client.CellRun;
import lessonbook.kernel.client.Kernel;
import lessonbook.kernel.client.KernelListener;
import lessonbook.kernel.client.KernelStatus;
import lessonbook.kernel.protocol.KernelEvent;

/**
 * What the app uses when it was started without a kernel factory: it says so on every run instead of
 * pretending. Replaced by the real process kernel's factory in {@link DesktopLauncher}.
 */
final class MissingKernel implements Kernel {
    private static final String WHY = "no Java kernel is configured for this window";

    @Override
    public CompletableFuture<CellRun> execute(String cellId, String code) {
        return CompletableFuture.failedFuture(new IllegalStateException(WHY));
    }

    @Override
    public void interrupt() {
    }

    @Override
    public CompletableFuture<Void> restart() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<KernelEvent.Completions> complete(String code, int cursor) {
        return CompletableFuture.completedFuture(new KernelEvent.Completions(0, cursor, List.of()));
    }

    @Override
    public CompletableFuture<List<KernelEvent.Doc>> documentation(String code, int cursor) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public void addListener(KernelListener listener) {
        listener.onStatus(KernelStatus.DEAD, WHY);
    }

    @Override
    public void removeListener(KernelListener listener) {
    }

    @Override
    public KernelStatus status() {
        return KernelStatus.DEAD;
    }

    @Override
    public long pid() {
        return -1;
    }

    @Override
    public void close() {
    }
}
