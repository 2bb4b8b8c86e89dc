package lessonbook.bench.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One thread's Linux schedstat: nanoseconds on a core and nanoseconds runnable but waiting for one. */
final class Schedstat {
    private Schedstat() {
    }

    /** {cpu ns, waiting ns}; zeros where the file does not exist (not Linux) or the thread has ended. */
    static long[] read(Path schedstat) {
        if (schedstat == null) {
            return new long[2];
        }
        try {
            String[] fields = Files.readString(schedstat).trim().split(" ");
            return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1])};
        } catch (IOException | RuntimeException e) {
            return new long[2];
        }
    }
}
