package lessonbook.kernel.jvm;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.kernel.protocol.KernelRequest;
import lessonbook.model.Output;

/**
 * The kernel JVM's {@code System.in}, so {@code new Scanner(System.in).nextLine()} works as in a terminal: a cell
 * thread that reads when nothing typed is left makes the host ask its user for a line
 * ({@link KernelEvent.InputRequested}) and waits for the answer ({@link KernelRequest.InputReply}); the line is
 * then echoed into the cell's stdout, as a terminal shows what is typed, and read.
 *
 * <p>End of input, never a hang: when the host answers null (its user or its stdin has nothing), for the rest of
 * that cell's run; at once for a thread that reads while no cell runs (nobody could answer); after a line over
 * {@link KernelRequest.InputReply#MAX_LINE_CHARS}, with a notice. Interrupt ends the wait, and every read for
 * the rest of that run, with an {@link InterruptedIOException} (Scanner reports that as end of input,
 * BufferedReader.readLine throws it); up to JDK 19 the stop reaches the waiting thread anyway.
 *
 * <p>Bounds: one line (at most {@code MAX_LINE_CHARS}) buffered, one request outstanding.
 *
 * <p>Threading: reads on any cell thread, blocking while a request is out; {@link #answer} and {@link #interrupt}
 * on the socket reader thread, which must never block here (it carries the next interrupt), so the echo and any
 * notice are written by the reading thread; {@link #beginCell}/{@link #endCell} on the evaluating thread. All
 * state under this object's monitor. Requests go out on a thread of their own: a cell thread must never write to
 * the socket, where a stop landing mid-message would cut it (see {@link OutputHub}).
 */
final class CellInput extends InputStream {
    private static final byte[] NOTHING = new byte[0];

    private final OutputHub hub;
    private final PrintStream echo;
    /** Sends requests in order; holds at most one at a time, as only one is ever outstanding. */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lessonbook-input-requests");
        t.setDaemon(true);
        return t;
    });
    private String cellId;
    private byte[] line = NOTHING;
    private int next;
    private long lastId;
    /** The id of the request not yet answered, 0 when none. */
    private long outstanding;
    private boolean ended;
    private boolean interrupted;
    /** What the reading thread writes once it has the line: its echo, or a notice. */
    private String pendingEcho;
    private Output.Notice pendingNotice;

    CellInput(OutputHub hub, PrintStream echo) {
        this.hub = hub;
        this.echo = echo;
    }

    synchronized void beginCell(String cellId) {
        forgetRun();
        this.cellId = cellId;
    }

    /** The cell ended: typed text it did not read is dropped, and threads still waiting get end of input. */
    synchronized void endCell() {
        forgetRun();
        notifyAll();
    }

    private void forgetRun() {
        cellId = null;
        line = NOTHING;
        next = 0;
        outstanding = 0;
        ended = false;
        interrupted = false;
        pendingEcho = null;
        pendingNotice = null;
    }

    /** The host's answer; one for a lapsed request (its cell ended or was interrupted) is ignored. */
    synchronized void answer(long inputId, String text) {
        if (inputId != outstanding || cellId == null) {
            return;
        }
        outstanding = 0;
        if (text == null) {
            ended = true;
        } else if (text.length() > KernelRequest.InputReply.MAX_LINE_CHARS) {
            ended = true;
            pendingNotice = new Output.Notice("An input line of " + text.length() + " characters was refused (at most "
                    + KernelRequest.InputReply.MAX_LINE_CHARS + "); the cell reads end of input.");
        } else {
            line = (text + "\n").getBytes(StandardCharsets.UTF_8);
            next = 0;
            pendingEcho = text + "\n";
        }
        notifyAll();
    }

    /** An interrupt: ends every wait of the running cell's threads, and their later reads in this run. */
    synchronized void interrupt() {
        if (cellId != null) {
            interrupted = true;
            outstanding = 0;
            notifyAll();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        int n;
        String echoNow;
        Output.Notice noticeNow;
        String cell;
        synchronized (this) {
            n = awaitLine() ? Math.min(len, line.length - next) : -1;
            if (n > 0) {
                System.arraycopy(line, next, b, off, n);
                next += n;
            }
            echoNow = pendingEcho;
            noticeNow = pendingNotice;
            pendingEcho = null;
            pendingNotice = null;
            cell = cellId;
        }
        if (echoNow != null) {
            echo.print(echoNow);
        }
        if (noticeNow != null && cell != null) {
            hub.enqueue(cell, noticeNow);
        }
        return n;
    }

    @Override
    public synchronized int available() {
        return line.length - next;
    }

    /** Waits, holding the monitor only between waits, until typed bytes are there; false at end of input. */
    private boolean awaitLine() throws IOException {
        while (next >= line.length) {
            if (interrupted) {
                throw new InterruptedIOException("the cell was interrupted while it waited for input");
            }
            if (ended || cellId == null) {
                return false;
            }
            if (outstanding == 0) {
                outstanding = ++lastId;
                KernelEvent.InputRequested request = new KernelEvent.InputRequested(cellId, outstanding);
                sender.execute(() -> hub.sendAfterPending(request));
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for input");
            }
        }
        return true;
    }
}
