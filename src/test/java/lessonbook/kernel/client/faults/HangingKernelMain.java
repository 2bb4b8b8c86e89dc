package lessonbook.kernel.client.faults;

import java.util.concurrent.CountDownLatch;

/** A kernel that starts but never connects back. */
public final class HangingKernelMain {
    public static void main(String[] args) throws InterruptedException {
        new CountDownLatch(1).await();
    }
}
