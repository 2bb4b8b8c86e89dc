package lessonbook.workers;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import lessonbook.workers.runtime.WorkerRuntime;

/** Worker tests run against a host that records every event, and end every worker they started. */
abstract class WithRecordingHost {
    /** Bound on every wait: generous, since two cores are shared with the test JVM and the workers. */
    static final Duration T = Duration.ofSeconds(30);
    RecordingHost host;

    @BeforeEach
    void installRecordingHost() {
        host = new RecordingHost();
        WorkerRuntime.install(host);
    }

    @AfterEach
    void endWorkers() {
        WorkerRuntime.terminateAll();
        WorkerRuntime.install(null);
    }
}
