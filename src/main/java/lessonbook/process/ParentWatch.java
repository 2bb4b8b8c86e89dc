package lessonbook.process;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A child JVM must not outlive its host. The host holds the child's stdin pipe open and, after the
 * {@link ChildTicket} line, never writes to it again; end of that input means the host is gone (no signals
 * needed, so this works on every OS). One watch per JVM: stdin is per process.
 */
public final class ParentWatch {
    private static FileChannel pipe;
    private static Thread watcher;
    private static volatile boolean released;

    private ParentWatch() {
    }

    /**
     * Watches stdin (after the ticket was read from it) on a daemon thread and runs {@code onParentGone} when it
     * ends, normally {@link EndThisJvm#parentGone()}. It reads through a channel that {@link #release()} can
     * close: while any thread is blocked in a native read, the JVM's exit waits for it in 10 ms steps.
     */
    public static synchronized void start(Runnable onParentGone) {
        if (watcher != null) {
            throw new IllegalStateException("the parent is already watched");
        }
        pipe = new FileInputStream(FileDescriptor.in).getChannel();
        watcher = new Thread(() -> {
            ByteBuffer sink = ByteBuffer.allocate(64);
            try {
                while (pipe.read(sink) >= 0) {
                    sink.clear();   // the host writes nothing after the ticket; ignore anything that arrives anyway
                }
            } catch (IOException e) {
                if (released) {
                    return;   // our own exit closed the channel
                }
            }
            onParentGone.run();
        }, "lessonbook-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * Releases the watching thread and waits until it has left its native read, so that an exit that follows
     * does not wait for it: traced with ten workers on 2 cores, a worker's exit took 30-120 ms without this.
     */
    public static void release() {
        FileChannel channel;
        Thread thread;
        synchronized (ParentWatch.class) {
            channel = pipe;
            thread = watcher;
        }
        if (channel == null) {
            return;
        }
        released = true;
        try {
            channel.close();
            thread.join(200);
        } catch (IOException e) {
            // nothing left to release
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
