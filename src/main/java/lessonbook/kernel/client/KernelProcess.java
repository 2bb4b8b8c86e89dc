package lessonbook.kernel.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.kernel.protocol.KernelFolders;
import lessonbook.kernel.protocol.KernelRequest;
import lessonbook.kernel.protocol.MessageStreams;
import lessonbook.model.StreamName;
import lessonbook.process.ChildProcess;
import lessonbook.process.ObjectChannel;
import lessonbook.process.ProcessTrees;

/**
 * One kernel JVM as the host sees it: the process, its socket, and threads that read its messages and drain
 * its stdout/stderr (native code, children with inheritIO and JVM crash reports write there). Reports to
 * {@link Callbacks} from those threads.
 */
final class KernelProcess {

    interface Callbacks {
        void onEvent(KernelProcess source, KernelEvent event);

        /** Text the kernel JVM wrote to its own stdout/stderr, outside the protocol. */
        void onRawOutput(KernelProcess source, StreamName stream, String text);

        /** Called once, after everything the process sent or printed has been delivered. */
        void onExit(KernelProcess source, int exitCode);
    }

    private final Process process;
    private final ChildProcess child;
    private final Callbacks callbacks;
    private final Thread io;
    private final Thread stdoutDrain;
    private final Thread stderrDrain;
    private final StringBuilder startLog = new StringBuilder();
    /** The end of what the JVM printed outside the protocol: says why it ended (an OutOfMemoryError, say). */
    private final StringBuilder rawTail = new StringBuilder();
    private static final int RAW_TAIL = 2000;
    private volatile ObjectChannel channel;
    private volatile boolean exitingSeen;
    private volatile String failure;
    private volatile List<ProcessTrees.Known> knownDescendants = List.of();

    private KernelProcess(KernelLauncher launcher, Callbacks callbacks) throws IOException {
        this.callbacks = callbacks;
        // stdin carries the kernel's ticket, then stays open and silent: its end is the host's death to the kernel.
        this.child = ChildProcess.start(new ProcessBuilder(launcher.command()), launcher.startTimeout(),
                MessageStreams.ALLOW_LIST, "lessonbook-kernel-accept");
        this.process = child.process();
        long pid = process.pid();
        io = daemon(this::connectAndRead, "lessonbook-kernel-io-" + pid);
        stdoutDrain = daemon(() -> drain(process.getInputStream(), StreamName.STDOUT), "lessonbook-kernel-out-" + pid);
        stderrDrain = daemon(() -> drain(process.getErrorStream(), StreamName.STDERR), "lessonbook-kernel-err-" + pid);
        process.onExit().thenRunAsync(this::exited);
    }

    static KernelProcess start(KernelLauncher launcher, Callbacks callbacks) throws IOException {
        return new KernelProcess(launcher, callbacks);
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** What ended this kernel: a cell's System.exit, running out of memory, a signal, a crash. */
    KernelExit exit(int exitCode) {
        String tail;
        synchronized (rawTail) {
            tail = rawTail.toString();
        }
        return KernelExit.of(exitCode, exitingSeen, tail);
    }

    /** Why the kernel never became ready, with the start of what it printed. */
    String failure() {
        String log;
        synchronized (startLog) {
            log = startLog.toString().strip();
        }
        String reason = failure != null ? failure : "it exited before it was ready";
        return log.isEmpty() ? reason : reason + ": " + log;
    }

    void send(KernelRequest request) {
        ObjectChannel connected = channel;
        if (connected == null) {
            return;
        }
        try {
            connected.send(request);
        } catch (IOException e) {
            // The process is dying; its exit is reported through onExit.
        }
    }

    /** Connections to the kernel's port dropped because they did not prove themselves. */
    int rejectedConnections() {
        return child.rejectedConnections();
    }

    void refreshDescendants() {
        if (process.isAlive()) {
            knownDescendants = ProcessTrees.descendants(process.toHandle(), knownDescendants);
        }
    }

    List<Long> knownDescendantPids() {
        return knownDescendants.stream().map(ProcessTrees.Known::pid).collect(java.util.stream.Collectors.toList());
    }

    /** Ends the kernel and every process it started or was last seen running. Bounded time. */
    void kill() {
        ProcessTrees.kill(process.toHandle(), knownDescendants, Duration.ofSeconds(2));
        closeQuietly();
        KernelFolders.CLASSES.sweepEnded();
    }

    /** Asks the kernel to end, then ends it and its children anyway. Never throws: the host is closing. */
    void shutDown() {
        try {
            send(new KernelRequest.Shutdown());
            kill();
        } catch (RuntimeException e) {
            // Closing goes on regardless.
        }
    }

    /** After an unexpected death: the kernel could not end its children itself. */
    void killOrphans() {
        knownDescendants.forEach(ProcessTrees.Known::destroy);
    }

    private void connectAndRead() {
        ObjectChannel connected;
        try {
            connected = child.connected().get();   // bounded: ChildProcess gives up at the start timeout
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof ChildProcess.NeverConnected never && never.exitedFirst())) {
                failure = e.getCause().getMessage();
                kill();
            }
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        channel = connected;
        try {
            while (true) {
                Object message = connected.receive();
                if (message instanceof KernelEvent.Exiting) {
                    exitingSeen = true;
                }
                callbacks.onEvent(this, (KernelEvent) message);
            }
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            // End of the connection: the exit watcher reports it once the process is gone.
        } finally {
            closeQuietly();
        }
    }

    private void drain(InputStream stream, StreamName name) {
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            int n;
            while ((n = reader.read(buffer)) >= 0) {
                String text = new String(buffer, 0, n);
                synchronized (rawTail) {
                    rawTail.append(text);
                    if (rawTail.length() > RAW_TAIL) {
                        rawTail.delete(0, rawTail.length() - RAW_TAIL);
                    }
                }
                if (channel == null) {
                    synchronized (startLog) {
                        if (startLog.length() < 4000) {
                            startLog.append(text);
                        }
                    }
                }
                callbacks.onRawOutput(this, name, text);
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    private void exited() {
        // Let the readers deliver what the process sent before it died, then report the exit once.
        join(io);
        join(stdoutDrain);
        join(stderrDrain);
        callbacks.onExit(this, process.exitValue());
    }

    private static void join(Thread thread) {
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeQuietly() {
        child.stopAccepting();
        ObjectChannel connected = channel;
        if (connected != null) {
            connected.close();
        }
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
