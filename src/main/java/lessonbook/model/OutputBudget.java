package lessonbook.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How much of what a cell prints is kept: its first {@link #headChars} and its last {@link #tailChars}
 * characters of text, with one {@link Output.Omitted} marker between them counting what was left out. Applied
 * wherever a cell's outputs grow (the document the window shows and saves, the headless runner), so a cell
 * that prints forever holds a bounded amount in memory and in its file, and reads back the same. Pure logic.
 *
 * <p>Worker lifecycle events carry no text and are kept wherever they fall (the lanes need every start and
 * exit; the kernel bounds how many a cell sends). So are notices (a timeout, an interrupt, a {@code System.exit}:
 * a few per run, said by the host or the kernel, never by the cell): a timeout's note, added while a flood still
 * arrives, was pushed out of the tail by the lines after it, and the cell then said only "Interrupted.". Markers
 * that arrive from the kernel (it sheds a flood before it crosses the socket) inside the tail stay where they are:
 * they say exactly where lines are missing.
 */
public record OutputBudget(int headChars, int tailChars) {
    /** About 10,000 lines of a typical {@code println} before the cut, and the last 2,500 after it. */
    public static final OutputBudget DEFAULT = new OutputBudget(256 * 1024, 64 * 1024);

    public OutputBudget {
        if (headChars < 0 || tailChars < 0) {
            throw new IllegalArgumentException("negative budget");
        }
    }

    /** The outputs of a cell that had {@code kept} and now also printed {@code added} (made printable first). */
    public List<Output> append(List<Output> kept, List<Output> added) {
        List<Output> all = new ArrayList<>(kept.size() + added.size());
        all.addAll(kept);
        for (Output output : added) {
            all.add(printable(output));
        }
        long total = 0;
        for (Output output : all) {
            total += size(output);
        }
        return total <= (long) headChars + tailChars ? all : collapse(all);
    }

    /** Text outputs with control characters written as Java escapes (PrintableText); others as they are. */
    public static Output printable(Output output) {
        if (output instanceof Output.Stream s) {
            String text = PrintableText.of(s.text());
            return text == s.text() ? s : new Output.Stream(s.stream(), text);
        }
        if (output instanceof Output.WorkerLine w) {
            String line = PrintableText.of(w.line());
            return line == w.line() ? w : new Output.WorkerLine(w.worker(), w.pid(), w.stream(), line, w.epochMillis());
        }
        return output;
    }

    private List<Output> collapse(List<Output> all) {
        List<Output> head = new ArrayList<>();
        List<Output> rest = new ArrayList<>();
        long used = 0;
        int i = 0;
        for (; i < all.size(); i++) {
            Output output = all.get(i);
            long size = size(output);
            if (output instanceof Output.Omitted || used + size > headChars) {
                Output[] parts = output instanceof Output.Stream s ? splitHead(s, (int) (headChars - used)) : null;
                if (parts != null) {
                    head.add(parts[0]);
                    rest.add(parts[1]);
                    i++;
                }
                break;
            }
            head.add(output);
            used += size;
        }
        rest.addAll(all.subList(i, all.size()));

        List<Output> tail = new ArrayList<>();
        used = 0;
        int j = rest.size() - 1;
        for (; j >= 0; j--) {
            Output output = rest.get(j);
            long size = size(output);
            if (used + size > tailChars) {
                Output[] parts = output instanceof Output.Stream s ? splitTail(s, (int) (tailChars - used), tailChars) : null;
                if (parts != null) {
                    tail.add(parts[1]);
                    rest.set(j, parts[0]);
                }
                break;
            }
            tail.add(output);
            used += size;
        }

        Output.Omitted omitted = new Output.Omitted(0, 0);
        List<Output> lifecycle = new ArrayList<>();
        for (Output output : rest.subList(0, j + 1)) {
            if (output instanceof Output.Omitted o) {
                omitted = omitted.plus(o);
            } else if (output instanceof Output.WorkerEvent || output instanceof Output.Notice) {
                lifecycle.add(output);
            } else {
                omitted = omitted.plus(Output.Omitted.of(output.text()));
            }
        }
        List<Output> result = new ArrayList<>(head.size() + lifecycle.size() + tail.size() + 1);
        result.addAll(head);
        if (omitted.bytes() > 0 || omitted.lines() > 0) {
            result.add(omitted);
        }
        result.addAll(lifecycle);
        for (int k = tail.size() - 1; k >= 0; k--) {
            result.add(tail.get(k));
        }
        return result;
    }

    /** The text an output adds to a cell; a marker counts as its own short line. */
    static long size(Output output) {
        return output instanceof Output.WorkerEvent ? 0 : output.text().length();
    }

    /** Splits so the first part fits {@code room}, at the last line end in it when there is one. */
    private static Output[] splitHead(Output.Stream s, int room) {
        String text = s.text();
        if (room <= 0) {
            return null;
        }
        int cut = text.lastIndexOf('\n', room - 1) + 1;
        if (cut == 0) {
            cut = safeCut(text, room);
        }
        if (cut <= 0 || cut >= text.length()) {
            return null;
        }
        return new Output[] {new Output.Stream(s.stream(), text.substring(0, cut)),
                new Output.Stream(s.stream(), text.substring(cut))};
    }

    /**
     * Splits so the second part fits {@code room}, starting after a line end; only a text that ends in one
     * line longer than the {@code whole} tail (an endless line) is cut inside that line.
     */
    private static Output[] splitTail(Output.Stream s, int room, int whole) {
        String text = s.text();
        if (room <= 0) {
            return null;
        }
        int from = text.length() - room;
        int newline = text.indexOf('\n', from);
        int cut;
        if (newline >= 0 && newline + 1 < text.length()) {
            cut = newline + 1;
        } else if (text.length() - (text.lastIndexOf('\n', from - 1) + 1) > whole) {
            cut = safeCut(text, from);
        } else {
            return null;
        }
        if (cut <= 0 || cut >= text.length()) {
            return null;
        }
        return new Output[] {new Output.Stream(s.stream(), text.substring(0, cut)),
                new Output.Stream(s.stream(), text.substring(cut))};
    }

    /** {@code at}, moved back off the low half of a surrogate pair so no character is cut in two. */
    private static int safeCut(String text, int at) {
        return at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at)) ? at - 1 : at;
    }
}
