package lessonbook.workers;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import lessonbook.workers.runtime.WorkerRuntime;

/** Worker tests run against a host that records every event, and end every worker they started. */
abstract class WithRecordingHost {
    /** Bound on every wait: generous, since two cores are shared with the test JVM and the workers. */
    static final Duration T = Duration.ofSeconds(30);
    private static final String SPARES = "lessonbook.workers.spares";
    RecordingHost host;
    /** What {@code lessonbook.workers.spares} was before {@link #spares(int)} set it; restored after the test. */
    private String sparesBefore;
    private boolean sparesSet;

    @BeforeEach
    void installRecordingHost() {
        host = new RecordingHost();
        WorkerRuntime.install(host);
    }

    /** Fixes the number of spare worker JVMs ({@code lessonbook.workers.spares}) for the rest of this test. */
    void spares(int count) {
        if (!sparesSet) {
            sparesBefore = System.getProperty(SPARES);
            sparesSet = true;
        }
        System.setProperty(SPARES, Integer.toString(count));
    }

    @AfterEach
    void endWorkers() {
        WorkerRuntime.terminateAll();
        WorkerRuntime.install(null);
        if (sparesSet) {
            if (sparesBefore == null) {
                System.clearProperty(SPARES);
            } else {
                System.setProperty(SPARES, sparesBefore);
            }
        }
    }
}
