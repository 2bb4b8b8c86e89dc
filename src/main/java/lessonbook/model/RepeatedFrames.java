package lessonbook.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Folds the stack frames a runaway recursion repeats: a method that never reaches its base case throws a
 * {@code StackOverflowError} whose trace is the same frame (or the same few, for methods that call each other)
 * a thousand times over, and a student would scroll past a thousand identical lines to find the one that matters.
 * Python folds them as "[Previous line repeated 996 more times]"; here a run of one to {@value #LONGEST_CYCLE}
 * frames that repeats is shown once, followed by a marker frame saying how often it repeated.
 * Pure logic; markers start with {@value #MARKER_PREFIX} so that writers print them without "at".
 */
public final class RepeatedFrames {
    /** Longest cycle of frames recognised (mutual recursion of up to this many methods). */
    static final int LONGEST_CYCLE = 8;
    /** Fewest repetitions worth folding: fewer are left as they are, since they read quickly enough. */
    static final int FEWEST_REPEATS = 4;
    public static final String MARKER_PREFIX = "... ";

    private RepeatedFrames() {
    }

    /** {@code frames} with each run of a repeated cycle shown once and a marker for the rest. */
    public static List<String> fold(List<String> frames) {
        List<String> folded = new ArrayList<>();
        int i = 0;
        while (i < frames.size()) {
            int bestCycle = 0;
            int bestRepeats = 0;
            for (int cycle = 1; cycle <= LONGEST_CYCLE && i + 2 * cycle <= frames.size(); cycle++) {
                int repeats = repeatsAt(frames, i, cycle);
                if (repeats >= FEWEST_REPEATS && (long) repeats * cycle > (long) bestRepeats * bestCycle) {
                    bestCycle = cycle;
                    bestRepeats = repeats;
                }
            }
            if (bestCycle == 0) {
                folded.add(frames.get(i));
                i++;
                continue;
            }
            folded.addAll(frames.subList(i, i + bestCycle));
            folded.add(marker(bestCycle, bestRepeats - 1));
            i += bestCycle * bestRepeats;
        }
        return folded;
    }

    /** Whether a frame is a marker {@link #fold} wrote rather than a frame of the trace. */
    public static boolean isMarker(String frame) {
        return frame.startsWith(MARKER_PREFIX);
    }

    /** How many times the {@code cycle} frames at {@code start} occur in a row from there (at least 1). */
    private static int repeatsAt(List<String> frames, int start, int cycle) {
        int repeats = 1;
        int next = start + cycle;
        while (next + cycle <= frames.size() && sameRun(frames, start, next, cycle)) {
            repeats++;
            next += cycle;
        }
        return repeats;
    }

    private static boolean sameRun(List<String> frames, int a, int b, int length) {
        for (int k = 0; k < length; k++) {
            if (!frames.get(a + k).equals(frames.get(b + k))) {
                return false;
            }
        }
        return true;
    }

    private static String marker(int cycle, int moreTimes) {
        String times = String.format(Locale.ROOT, "%,d", moreTimes);
        return MARKER_PREFIX + (cycle == 1 ? "the line above, repeated " : "the " + cycle + " lines above, repeated ")
                + times + " more times";
    }
}
