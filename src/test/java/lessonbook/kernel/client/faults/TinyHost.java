package lessonbook.kernel.client.faults;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import lessonbook.kernel.client.JvmKernel;
import lessonbook.kernel.client.KernelListener;
import lessonbook.model.Output;

/**
 * A host program for the host-death test: starts a kernel, has a cell start a child process, prints
 * "kernel <pid>" and "child <pid>", then waits to be killed.
 */
public final class TinyHost {
    public static void main(String[] args) throws Exception {
        JvmKernel kernel = JvmKernel.start();
        StringBuilder text = new StringBuilder();
        kernel.addListener(new KernelListener() {
            @Override
            public void onOutput(String cellId, Output output) {
                synchronized (text) {
                    text.append(output.text());
                }
            }
        });
        kernel.execute("c1", "System.out.println(new ProcessBuilder(\"sleep\", \"60\").start().pid())")
                .get(60, TimeUnit.SECONDS);
        synchronized (text) {
            System.out.println("kernel " + kernel.pid());
            System.out.println("child " + text.toString().strip());
        }
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
