package lessonbook.model;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A throwable as {@link Throwable#printStackTrace()} prints it, within bounds. A cell can throw an exception with a
 * 50 MB message, or one at the end of 200,000 causes (a loop that wraps what it caught); printStackTrace prints all
 * of it, and recurses once per cause, so that it ends in a StackOverflowError part way, without a word. Here there
 * are at most {@link #MAX_EXCEPTIONS} exceptions (the thrown one, its causes and suppressed ones), each message cut
 * to {@link #MAX_MESSAGE_CHARS} and {@link #MAX_LINES} lines in all, and every cut says what it left out. The walk
 * is iterative and, as printStackTrace's, stops at a cycle of causes. Pure logic: used by the kernel (threads of
 * a cell that end in an exception) and by workers (a task's exception).
 */
public final class TraceText {
    /** The thrown exception and its causes and suppressed ones shown: far more than anyone reads. */
    public static final int MAX_EXCEPTIONS = 32;
    public static final int MAX_MESSAGE_CHARS = 2_000;
    public static final int MAX_LINES = 1_200;
    /** Causes counted beyond what is shown, to say how many were left out: counting stops here. */
    private static final int MOST_COUNTED = 10_000_000;

    private TraceText() {
    }

    /** A message as shown: {@code null} stays null; past {@link #MAX_MESSAGE_CHARS} it is cut ({@link TextCut}). */
    public static String message(String message) {
        return TextCut.head(message, MAX_MESSAGE_CHARS);
    }

    /** {@code t}'s message, cut as {@link #message(String)} cuts it; what a throwing getMessage() leaves. */
    public static String messageOf(Throwable t) {
        try {
            return message(t.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return "(its getMessage() threw " + e.getClass().getName() + ")";
        }
    }

    /** The line printStackTrace starts a throwable with, its message cut; what a throwing toString() leaves. */
    public static String header(Throwable t) {
        String text;
        try {
            text = t.toString();
        } catch (RuntimeException | LinkageError e) {
            text = t.getClass().getName() + " (its toString() threw " + e.getClass().getName() + ")";
        }
        return message(text);
    }

    /**
     * How many causes follow {@code t} ({@code t} itself not counted), stopping at a cycle or at
     * {@link #MOST_COUNTED}.
     */
    public static int causesAfter(Throwable t) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(t);
        int count = 0;
        for (Throwable c = t.getCause(); c != null && count < MOST_COUNTED && seen.add(c); c = c.getCause()) {
            count++;
        }
        return count;
    }

    /** The text printStackTrace prints for {@code t}, within the bounds; lines end with {@code \n}. */
    public static String of(Throwable t) {
        Lines out = new Lines();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Item> pending = new ArrayDeque<>();
        pending.push(new Item(t, "", "", new StackTraceElement[0]));
        int shown = 0;
        while (!pending.isEmpty() && !out.cut) {
            Item item = pending.pop();
            if (!seen.add(item.throwable)) {
                out.add(item.prefix + item.caption + "[CIRCULAR REFERENCE: " + header(item.throwable) + "]");
                continue;
            }
            if (shown == MAX_EXCEPTIONS) {
                long left = 1L + causesAfter(item.throwable);
                for (Item other : pending) {
                    left += 1L + causesAfter(other.throwable);
                }
                out.add(item.prefix + "\t... " + String.format("%,d", left) + " more "
                        + (left == 1 ? "exception" : "exceptions") + " (causes or suppressed) not kept");
                break;
            }
            shown++;
            StackTraceElement[] trace = item.throwable.getStackTrace();
            out.add(item.prefix + item.caption + header(item.throwable));
            int last = trace.length - 1;
            int enclosing = item.enclosing.length - 1;
            while (last >= 0 && enclosing >= 0 && trace[last].equals(item.enclosing[enclosing])) {
                last--;
                enclosing--;
            }
            for (int i = 0; i <= last && !out.cut; i++) {
                out.add(item.prefix + "\tat " + trace[i]);
            }
            int inCommon = trace.length - 1 - last;
            if (inCommon != 0) {
                out.add(item.prefix + "\t... " + inCommon + " more");
            }
            // printStackTrace's order, depth first: the suppressed ones, then the cause
            Throwable cause = item.throwable.getCause();
            if (cause != null) {
                pending.push(new Item(cause, "Caused by: ", item.prefix, trace));
            }
            Throwable[] suppressed = item.throwable.getSuppressed();
            for (int i = suppressed.length - 1; i >= 0; i--) {
                pending.push(new Item(suppressed[i], "Suppressed: ", item.prefix + "\t", trace));
            }
        }
        if (out.cut) {
            out.text.append("\t... the rest of the trace not kept (").append(String.format("%,d", MAX_LINES))
                    .append(" lines shown)\n");
        }
        return out.text.toString();
    }

    private record Item(Throwable throwable, String caption, String prefix, StackTraceElement[] enclosing) {
    }

    /** The lines so far; one past {@link #MAX_LINES} is refused and marks the text cut. */
    private static final class Lines {
        final StringBuilder text = new StringBuilder();
        int count;
        boolean cut;

        void add(String line) {
            if (count == MAX_LINES) {
                cut = true;
                return;
            }
            text.append(line).append('\n');
            count++;
        }
    }
}
