package lessonbook.format.text;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import lessonbook.model.Output;
import lessonbook.model.RichOutputText;

/**
 * The text form of rich outputs (tables, charts) and of a cell's worker timeline, so they survive a lesson
 * file and come back on reopen without re-running the cell.
 *
 * <p>A lesson file keeps a code cell's plain outputs in a fenced block with the info string {@code output}.
 * Each rich output goes in a fenced block of its own after that one, with {@link #infoString(Output)} as the
 * info string and {@link #body(Output)} as its lines; the worker timeline of the cell (all its
 * {@link Output.WorkerEvent}s) goes in one block {@value #WORKERS} with {@link #workersBody(List)}. Bodies read
 * well as plain text and parse back to equal records:
 *
 * <pre>
 * ```table                          ```chart                            ```workers
 * Timings                           bar chart: Time per strategy        first start 2026-11-30T02:10:00.123Z, times in seconds from then
 * | strategy   | seconds |          y: seconds                          | worker   | pid   | start | exit  | exit code | cpu s |
 * | ---------- | ------- |            sequential | ████████████ 2.97   | -------- | ----- | ----- | ----- | --------- | ----- |
 * | sequential | 2.97    |            pool       | ██████ 1.52         | worker-1 | 41231 | 0.000 | 2.913 | 0         | 1.402 |
 * ```                               ```                                 ```
 * </pre>
 *
 * A table's and a chart's body is its plain text, laid out and escaped by {@link RichOutputText}; this class
 * frames the blocks and reads them back.
 */
public final class OutputBlocks {
    public static final String TABLE = "table";
    public static final String CHART = "chart";
    public static final String WORKERS = "workers";

    private OutputBlocks() {
    }

    /** True for outputs that are saved in a block of their own ({@link Output.Table}, {@link Output.Chart}). */
    public static boolean hasOwnBlock(Output output) {
        return output instanceof Output.Table || output instanceof Output.Chart;
    }

    /** True if a fenced block with this info string is one of ours (table, chart or workers). */
    public static boolean isDisplayBlock(String infoString) {
        String kind = kind(infoString);
        return kind.equals(TABLE) || kind.equals(CHART) || kind.equals(WORKERS);
    }

    /** The info string of the fenced block that holds a rich output. */
    public static String infoString(Output output) {
        if (output instanceof Output.Table) {
            return TABLE;
        }
        if (output instanceof Output.Chart) {
            return CHART;
        }
        throw new IllegalArgumentException(output.getClass().getSimpleName()
                + " has no block of its own: its text goes in the cell's output block");
    }

    /** The lines of the fenced block that holds a rich output, each ending with a newline. */
    public static String body(Output output) {
        if (hasOwnBlock(output)) {
            return output.text();
        }
        throw new IllegalArgumentException(output.getClass().getSimpleName()
                + " has no block of its own: its text goes in the cell's output block");
    }

    /**
     * The rich output a fenced block holds, or empty if its info string is not {@value #TABLE} or
     * {@value #CHART} (a {@value #WORKERS} block is read with {@link #parseWorkers(String)}).
     *
     * @throws IllegalArgumentException if the body is not well formed; the message names the line and what
     *                                  was expected there, so the reader can report it and keep the text
     */
    public static Optional<Output> parse(String infoString, String body) {
        String kind = kind(infoString);
        if (kind.equals(TABLE)) {
            return Optional.of(TableBlock.parse(body));
        }
        if (kind.equals(CHART)) {
            return Optional.of(ChartBlock.parse(body));
        }
        return Optional.empty();
    }

    /** The info string of the worker timeline block. */
    public static String workersInfoString() {
        return WORKERS;
    }

    /**
     * A cell's worker timeline as text: one row per worker with its name, pid, start and exit time in seconds
     * from the first start, exit code and CPU seconds ({@code -} where not known, e.g. still running when saved).
     * Events of other types in the list are ignored, so a cell's whole output list may be passed.
     */
    public static String workersBody(List<? extends Output> events) {
        return WorkerTimelineBlock.format(events);
    }

    /**
     * The worker events a {@value #WORKERS} block holds, in time order (a start before an exit at the same
     * millisecond). A started event has no exit code and 0 CPU milliseconds.
     *
     * @throws IllegalArgumentException if the body is not well formed (the message names the line)
     */
    public static List<Output.WorkerEvent> parseWorkers(String body) {
        return WorkerTimelineBlock.parse(body);
    }

    // ---- shared by the block formats ----

    private static String kind(String infoString) {
        if (infoString == null) {
            return "";
        }
        String trimmed = infoString.trim();
        int space = trimmed.indexOf(' ');
        return (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'n': out.append('\n'); break;
                case 'r': out.append('\r'); break;
                case 't': out.append('\t'); break;
                case 's': out.append(' '); break;
                case 'u':
                    if (i + 4 < text.length()) {
                        try {
                            out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                            i += 4;
                            break;
                        } catch (NumberFormatException notHex) {
                            // not an escape after all: keep the text as written
                        }
                    }
                    out.append('u');
                    break;
                default: out.append(next);
            }
        }
        return out.toString();
    }

    /** Splits a row at the pipes that are not escaped; the pieces are still escaped and padded. */
    static List<String> splitRow(String line) {
        List<String> pieces = new java.util.ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                piece.append(c).append(line.charAt(++i));
            } else if (c == '|') {
                pieces.add(piece.toString());
                piece.setLength(0);
            } else {
                piece.append(c);
            }
        }
        pieces.add(piece.toString());
        return pieces;
    }

    /** Removes the padding spaces; spaces that belong to a value were escaped as {@code \s}. */
    static String trimSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }

    static double parseNumber(String text, int lineNumber) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw malformed(lineNumber, "a number", text);
        }
    }

    static List<String> lines(String body) {
        List<String> lines = new java.util.ArrayList<>(List.of(body.split("\n", -1)));
        lines.replaceAll(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
        return lines;
    }

    static IllegalArgumentException malformed(int lineNumber, String expected, String found) {
        return new IllegalArgumentException("line " + lineNumber + ": expected " + expected + " but found \""
                + found + "\"");
    }
}
