package lessonbook.format.text;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import lessonbook.model.Output;
import lessonbook.model.RichOutputText;

/**
 * The workers block: a line with the absolute time of the first start, then a grid with one row per worker
 * (name, pid, start and exit in seconds from the first start, exit code, CPU seconds; "-" where unknown).
 */
final class WorkerTimelineBlock {
    private static final String FIRST_START = "first start ";
    private static final String SUFFIX = ", times in seconds from then";
    private static final String NONE = "no workers";
    private static final List<String> HEADER = List.of("worker", "pid", "start s", "exit s", "exit code", "cpu s");
    private static final String UNKNOWN = "-";

    private WorkerTimelineBlock() {
    }

    /** One worker's life as far as it is known. */
    private static final class Row {
        final String worker;
        final long pid;
        Output.WorkerEvent started;
        Output.WorkerEvent exited;

        Row(String worker, long pid) {
            this.worker = worker;
            this.pid = pid;
        }
    }

    static String format(List<? extends Output> outputs) {
        List<Output.WorkerEvent> events = new ArrayList<>();
        for (Output o : outputs) {
            if (o instanceof Output.WorkerEvent) {
                events.add((Output.WorkerEvent) o);
            }
        }
        if (events.isEmpty()) {
            return NONE + "\n";
        }
        events.sort(Comparator.comparingLong(Output.WorkerEvent::epochMillis)
                .thenComparing(Output.WorkerEvent::phase));
        List<Row> rows = new ArrayList<>();
        for (Output.WorkerEvent e : events) {
            Row row = openRow(rows, e);
            if (e.phase() == Output.WorkerEvent.Phase.STARTED) {
                row.started = e;
            } else {
                row.exited = e;
            }
        }
        long base = events.stream().filter(e -> e.phase() == Output.WorkerEvent.Phase.STARTED)
                .mapToLong(Output.WorkerEvent::epochMillis).min().orElse(events.get(0).epochMillis());
        List<List<String>> cells = new ArrayList<>(rows.size());
        for (Row r : rows) {
            cells.add(List.of(r.worker, Long.toString(r.pid),
                    r.started == null ? UNKNOWN : seconds(r.started.epochMillis() - base),
                    r.exited == null ? UNKNOWN : seconds(r.exited.epochMillis() - base),
                    r.exited == null || r.exited.exitCode() == null ? UNKNOWN : r.exited.exitCode().toString(),
                    r.exited == null ? UNKNOWN : seconds(r.exited.cpuMillis())));
        }
        return FIRST_START + Instant.ofEpochMilli(base) + SUFFIX + "\n" + RichOutputText.grid(HEADER, cells);
    }

    /** The row this event belongs to: the same worker's row unless that one already has this phase. */
    private static Row openRow(List<Row> rows, Output.WorkerEvent e) {
        for (Row r : rows) {
            if (r.pid == e.pid() && r.worker.equals(e.worker())
                    && (e.phase() == Output.WorkerEvent.Phase.STARTED ? r.started == null && r.exited == null
                    : r.exited == null)) {
                return r;
            }
        }
        Row row = new Row(e.worker(), e.pid());
        rows.add(row);
        return row;
    }

    static List<Output.WorkerEvent> parse(String body) {
        List<String> lines = OutputBlocks.lines(body);
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        if (i < lines.size() && lines.get(i).trim().equals(NONE)) {
            return List.of();
        }
        String first = i < lines.size() ? lines.get(i).trim() : "";
        if (!first.startsWith(FIRST_START) || !first.endsWith(SUFFIX)) {
            throw OutputBlocks.malformed(i + 1, "\"" + FIRST_START + "<instant>" + SUFFIX + "\"", first);
        }
        long base;
        try {
            base = Instant.parse(first.substring(FIRST_START.length(), first.length() - SUFFIX.length()))
                    .toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) { // the latter: past Long.MAX_VALUE ms
            throw OutputBlocks.malformed(i + 1, "an instant such as 2026-11-30T02:10:00.123Z", first);
        }
        TableBlock.Grid grid = TableBlock.parseGrid(lines, i + 1);
        if (!grid.header().equals(HEADER)) {
            throw OutputBlocks.malformed(i + 2, "the columns " + HEADER, grid.header().toString());
        }
        List<Output.WorkerEvent> events = new ArrayList<>();
        int lineNumber = i + 4;
        for (List<String> row : grid.rows()) {
            String worker = row.get(0);
            long pid = (long) number(row.get(1), lineNumber);
            if (!row.get(2).equals(UNKNOWN)) {
                events.add(new Output.WorkerEvent(worker, pid, Output.WorkerEvent.Phase.STARTED,
                        at(base, row.get(2), lineNumber), null, 0));
            }
            if (!row.get(3).equals(UNKNOWN)) {
                Integer code = row.get(4).equals(UNKNOWN) ? null : (int) number(row.get(4), lineNumber);
                long cpu = row.get(5).equals(UNKNOWN) ? 0 : millis(row.get(5), lineNumber);
                events.add(new Output.WorkerEvent(worker, pid, Output.WorkerEvent.Phase.EXITED,
                        at(base, row.get(3), lineNumber), code, cpu));
            }
            lineNumber++;
        }
        events.sort(Comparator.comparingLong(Output.WorkerEvent::epochMillis)
                .thenComparing(Output.WorkerEvent::phase));
        return List.copyOf(events);
    }

    private static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).toPlainString();
    }

    /** {@code base} plus {@code seconds}, refused as malformed (not wrapped around) when past a long. */
    private static long at(long base, String seconds, int lineNumber) {
        try {
            return Math.addExact(base, millis(seconds, lineNumber));
        } catch (ArithmeticException e) {
            throw OutputBlocks.malformed(lineNumber, "a time within the years of a long's milliseconds", seconds);
        }
    }

    private static long millis(String seconds, int lineNumber) {
        try {
            BigDecimal value = new BigDecimal(seconds);
            if (value.precision() - value.scale() > 19) { // "1e999999999" would build a billion-digit integer
                throw new ArithmeticException("too large");
            }
            return value.movePointRight(3).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw OutputBlocks.malformed(lineNumber, "seconds with at most three decimals", seconds);
        }
    }

    private static long number(String text, int lineNumber) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw OutputBlocks.malformed(lineNumber, "a whole number", text);
        }
    }
}
