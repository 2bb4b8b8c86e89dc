package lessonbook.bench;

import java.io.IOException;
import java.util.List;

import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

/**
 * Probes end with {@code Runtime.halt}, which skips the flight recorder's own dump at exit: a recording started
 * with {@code -XX:StartFlightRecording=filename=F} is written here first, so a probe's run can be profiled.
 */
public final class FlightRecordings {
    private FlightRecordings() {
    }

    public static void dump() {
        List<Recording> recordings = FlightRecorder.isInitialized()
                ? FlightRecorder.getFlightRecorder().getRecordings() : List.of();
        for (Recording recording : recordings) {
            try {
                if (recording.getDestination() != null) {
                    recording.dump(recording.getDestination());
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("flight recording not written: " + e);
            }
        }
    }
}
