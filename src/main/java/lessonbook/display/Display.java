package lessonbook.display;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import lessonbook.model.Output;

/**
 * Shows tables and charts in a cell's output, from plain Java data. After {@code import lessonbook.display.*;}
 * a cell can write:
 *
 * <pre>{@code
 * Display.table("Timings", List.of("strategy", "seconds"),
 *         List.of(List.of("sequential", 2.97), List.of("pool", 1.52)));
 *
 * var timings = new LinkedHashMap<String, Double>();   // a LinkedHashMap keeps the bars in this order
 * timings.put("sequential", 2.97);
 * timings.put("pool", 1.52);
 * Display.barChart("Time per strategy (s)", timings);
 * }</pre>
 *
 * or build a chart step by step with {@link Chart} and a table row by row with {@link Table}.
 *
 * <p>In the notebook a table appears as a grid and a chart as a picture under the cell, and both are saved
 * with the lesson. Anywhere else (a plain {@code java} program, a worker process) they are printed as text.
 */
public final class Display {
    private static volatile Consumer<Output> sink;

    private Display() {
    }

    /**
     * Shows a table. Each row is a list with one value per column; numbers with many decimals are rounded
     * for reading (to 3 decimals, or 3 significant digits below 1); pass a {@code String} to show a value
     * exactly as written. A row with fewer values than columns is padded with empty cells.
     *
     * @throws IllegalArgumentException if a row has more values than there are columns
     */
    public static void table(String title, List<String> columns, List<? extends List<?>> rows) {
        Table table = Table.of(title, columns.toArray(new String[0]));
        for (List<?> row : rows) {
            table.row(row.toArray());
        }
        table.show();
    }

    /**
     * Shows a bar chart with one bar per entry, in the map's order (use a {@code LinkedHashMap}, or
     * {@link Chart#bar(String)}, to choose the order; {@code Map.of} has none).
     */
    public static void barChart(String title, Map<String, ? extends Number> values) {
        Chart chart = Chart.bar(title);
        values.forEach(chart::add);
        chart.show();
    }

    /** Shows a line chart of one line through the given points (x values in the map's order). */
    public static void lineChart(String title, String xLabel, String yLabel, Map<?, ? extends Number> points) {
        Chart chart = Chart.line(title).xLabel(xLabel).yLabel(yLabel);
        points.forEach(chart::add);
        chart.show();
    }

    /** Shows any output: in the notebook, under the running cell; elsewhere, as text on System.out. */
    public static void show(Output output) {
        Objects.requireNonNull(output, "output");
        Consumer<Output> current = sink;
        if (current != null) {
            current.accept(output);
        } else {
            PrintStream out = System.out;
            out.print(output.text());
            out.flush();
        }
    }

    /**
     * Where shown outputs go from now on (for the kernel, which attributes them to the running cell);
     * {@code null} goes back to printing text on System.out.
     *
     * @return the sink that was installed before, so a caller can put it back
     */
    public static Consumer<Output> install(Consumer<Output> newSink) {
        synchronized (Display.class) {
            Consumer<Output> previous = sink;
            sink = newSink;
            return previous;
        }
    }

    /** The text of a value in a table cell: numbers rounded for reading, {@code null} as an empty cell. */
    static String cellText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            return Numbers.readable(((Number) value).doubleValue());
        }
        return String.valueOf(value);
    }

    static List<String> cellTexts(Object[] values) {
        List<String> texts = new ArrayList<>(values.length);
        for (Object v : values) {
            texts.add(cellText(v));
        }
        return texts;
    }
}
