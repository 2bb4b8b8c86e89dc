package lessonbook.workers.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains one output stream of a worker JVM line by line on its own thread, so that a worker never blocks on a
 * full pipe. A line without a terminator at the end of the stream is still reported; an endless line is cut
 * into pieces of {@link #MAX_LINE} bytes rather than held back.
 */
final class OutputPump implements Runnable {
    static final int MAX_LINE = 16 * 1024;

    interface LineSink {
        void line(boolean stderr, String text);
    }

    private final InputStream in;
    private final boolean stderr;
    private final LineSink sink;

    OutputPump(InputStream in, boolean stderr, LineSink sink) {
        this.in = in;
        this.stderr = stderr;
        this.sink = sink;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        emit(line);
                    } else {
                        line.write(b);
                        if (line.size() >= MAX_LINE) {
                            emit(line);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // The worker is gone; whatever was read is reported below.
        } finally {
            if (line.size() > 0) {
                emit(line);
            }
        }
    }

    private void emit(ByteArrayOutputStream line) {
        String text = line.toString(StandardCharsets.UTF_8);
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        line.reset();
        sink.line(stderr, text);
    }
}
