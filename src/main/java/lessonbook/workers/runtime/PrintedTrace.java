package lessonbook.workers.runtime;

import java.util.List;

import lessonbook.model.RepeatedFrames;
import lessonbook.model.TraceText;

/**
 * A worker's exception as {@link Throwable#printStackTrace()} prints it, with the frames a runaway recursion repeats
 * folded ({@link RepeatedFrames}): a worker's {@code StackOverflowError} printed a thousand identical "at" lines into
 * the cell, where the kernel's own shows the frame once and says how often it repeated. The runtime's own frames
 * below the task (the worker's main loop calling it) are left out, as the kernel leaves out its engine's.
 */
final class PrintedTrace {
    private static final String RUNTIME_FRAME = "\tat " + PrintedTrace.class.getPackageName() + ".";

    private PrintedTrace() {
    }

    static String of(Throwable t) {
        // bounded, unlike printStackTrace's: a chain of 200,000 causes or a 50 MB message (TraceText)
        List<String> lines = RepeatedFrames.fold(TraceText.of(t).lines().toList());
        StringBuilder folded = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith(RUNTIME_FRAME)) {
                continue;
            }
            folded.append(RepeatedFrames.isMarker(line) ? "\t" : "").append(line).append(System.lineSeparator());
        }
        return folded.toString();
    }
}
