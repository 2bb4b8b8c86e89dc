package lessonbook.cli.headless;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import lessonbook.kernel.protocol.KernelRequest;
import lessonbook.session.InputPrompts;
import lessonbook.session.NotebookSession;

/**
 * What the headless {@code run} answers when a cell reads System.in: the next line of one source, its own stdin
 * or the file given with {@code --stdin}, read as UTF-8. At the source's end every read gets end of input (Scanner's
 * NoSuchElementException, readLine's null), so a run never waits for input nobody can give.
 *
 * <p>A line over {@link KernelRequest.InputReply#MAX_LINE_CHARS} characters is read to its end but not kept: the
 * cell gets end of input and a notice says why. Lines are read on a thread of the run's own (a terminal or a
 * pipe may keep it waiting) and answered from there; notices go to the document thread.
 */
final class HeadlessInput implements InputPrompts {
    private static final int MAX = KernelRequest.InputReply.MAX_LINE_CHARS;

    private final Reader source;
    private final Executor documentThread;
    private final ExecutorService readerThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lessonbook-run-stdin");
        t.setDaemon(true);
        return t;
    });
    /** Reader thread only. */
    private boolean atEnd;
    private int lineNumber;

    HeadlessInput(InputStream source, Executor documentThread) {
        this.source = new InputStreamReader(source, StandardCharsets.UTF_8);
        this.documentThread = documentThread;
    }

    @Override
    public void ask(NotebookSession session, String cellId, long inputId) {
        readerThread.execute(() -> {
            String line;
            try {
                line = nextLine();
            } catch (IOException e) {
                atEnd = true;
                line = null;
            }
            if (line != null && line.length() > MAX) {
                String why = "Line " + lineNumber + " of the input has " + line.length() + " characters or more; a line"
                        + " may have at most " + MAX + ". The cell reads end of input.";
                documentThread.execute(() -> session.note(cellId, why));
                line = null;
            }
            session.answerInput(inputId, line);
        });
    }

    /** The next line without its line end, at most MAX + 1 characters of it kept; null at the end. */
    private String nextLine() throws IOException {
        if (atEnd) {
            return null;
        }
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = source.read()) >= 0 && c != '\n') {
            if (line.length() <= MAX) {
                line.append((char) c);
            }
        }
        if (c < 0) {
            atEnd = true;
            if (line.length() == 0) {
                return null;
            }
        }
        lineNumber++;
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r' && end <= MAX) {
            line.setLength(end - 1);
        }
        return line.toString();
    }

    /** Stops reading; a read in progress on a terminal is left to the JVM's end. */
    void close() {
        readerThread.shutdownNow();
    }
}
