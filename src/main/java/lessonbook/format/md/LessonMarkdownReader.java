package lessonbook.format.md;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lessonbook.format.LessonFormatException;
import lessonbook.model.Cell;
import lessonbook.model.CellIds;
import lessonbook.model.CellRole;
import lessonbook.format.text.CheckBlock;
import lessonbook.model.CodeCell;
import lessonbook.format.text.OutputBlocks;
import lessonbook.model.MarkdownCell;
import lessonbook.model.Notebook;
import lessonbook.model.Output;

/**
 * Parses a lesson file: every top-level fenced block with info string {@code java} is a code cell, an
 * {@code output} block right after it (blank lines between allowed) is its saved output, and the prose between
 * code cells is a Markdown cell, split in two by a line {@code <!-- cell -->}. Other fenced blocks are prose
 * (their contents are never taken for markers or cells). One pass over the lines, so time is linear in the
 * file's size.
 */
public final class LessonMarkdownReader {
    static final String CELL_MARKER = "<!-- cell -->";

    private final Path file;
    private final Lines lines;
    private final List<Cell> cells = new ArrayList<>();
    private final Map<String, MarkdownLayout.CellText> layouts = new HashMap<>();
    private final StringBuilder gap = new StringBuilder();
    private final List<String> notes = new ArrayList<>();
    private int proseFirst = -1;
    private int proseLast = -1;
    private int exercises;
    /** The exercise the checks that follow belong to. */
    private String exerciseId;

    private LessonMarkdownReader(Path file, String text) {
        this.file = file;
        this.lines = new Lines(text);
    }

    /** Parses {@code text} (already decoded, without a byte order mark) read from {@code file}. */
    public static Notebook parse(Path file, String text) throws LessonFormatException {
        boolean bom = text.startsWith("\uFEFF");
        String body = bom ? text.substring(1) : text;
        if (body.indexOf('\n') < 0 && body.indexOf('\r') >= 0) {
            // lines ended by CR alone (classic Mac OS), which Markdown also counts as line ends: read as one
            // prose cell, such a lesson showed no code and ran nothing. It is read (and saved) with LF instead.
            body = body.replace('\r', '\n');
        }
        return new LessonMarkdownReader(file, body).parse(bom);
    }

    private Notebook parse(boolean bom) throws LessonFormatException {
        int n = lines.count();
        int i = 0;
        while (i < n) {
            String line = lines.content(i);
            Fence fence = Fence.opening(line);
            if (fence != null && fence.isCell()) {
                endProse(i);
                i = readCodeCell(fence, i) + 1;
            } else if (fence != null) {
                int close = closeOf(fence, i);
                extendProse(i, close);
                i = close + 1;
            } else if (line.strip().equals(CELL_MARKER)) {
                endProse(i);
                gap.append(lines.raw(i, i));
                i++;
            } else if (lines.isBlank(i)) {
                if (proseFirst < 0) {
                    gap.append(lines.raw(i, i));
                }
                i++;
            } else {
                extendProse(i, i);
                i++;
            }
        }
        endProse(n);
        String lastId = cells.isEmpty() ? null : cells.get(cells.size() - 1).id();
        MarkdownLayout layout = new MarkdownLayout(lines.lineEnding(), bom, gap.toString(), lastId, layouts);
        Map<String, Object> metadata = new java.util.HashMap<>();
        metadata.put(MarkdownLayout.KEY, layout);
        if (!notes.isEmpty()) {
            metadata.put(Notebook.NOTES_KEY, List.copyOf(notes));
        }
        return new Notebook(cells, java.util.Collections.unmodifiableMap(metadata));
    }

    /**
     * Reads the code fence opened at {@code open}, its output block and its display blocks (tables, charts, the
     * worker timeline); returns the last line consumed.
     */
    private int readCodeCell(Fence fence, int open) throws LessonFormatException {
        int close = closeOf(fence, open);
        String source = joined(fence, open + 1, close - 1, false);
        int last = close;
        List<Output> outputs = new ArrayList<>();
        int next = nextNonBlank(close + 1);
        Fence outputFence = next < lines.count() ? Fence.opening(lines.content(next)) : null;
        if (outputFence != null && outputFence.isOutput()) {
            last = closeOf(outputFence, next);
            outputs.addAll(OutputTextParser.parse(joined(outputFence, next + 1, last - 1, true), source));
        }
        List<Output.WorkerEvent> workerEvents = new ArrayList<>();
        List<Output.Check> checkOutputs = new ArrayList<>();
        while (true) {
            next = nextNonBlank(last + 1);
            Fence block = next < lines.count() ? Fence.opening(lines.content(next)) : null;
            boolean checks = block != null && block.info().equals(CheckBlock.INFO);
            if (block == null || !(checks || OutputBlocks.isDisplayBlock(block.info()))) {
                break;
            }
            int blockClose = closeOf(block, next);
            String body = joined(block, next + 1, blockClose - 1, true);
            try {
                if (checks) {
                    checkOutputs.addAll(CheckBlock.parse(body));
                } else if (block.language().equalsIgnoreCase(OutputBlocks.WORKERS)) {
                    workerEvents.addAll(OutputBlocks.parseWorkers(body));
                } else {
                    OutputBlocks.parse(block.info(), body).ifPresent(outputs::add);
                }
            } catch (IllegalArgumentException malformed) {
                notes.add(file.getFileName() + ", line " + (next + 1) + ": the " + block.language()
                        + " block could not be read (" + malformed.getMessage() + "); it is kept as text.");
                break; // the block stays in the file as prose, so nothing of it is lost
            }
            last = blockClose;
        }
        outputs.addAll(checkOutputs);
        outputs.addAll(workerEvents);
        CodeCell cell = new CodeCell(CellIds.next(), source, outputs, null, Map.of()).withRole(role(fence, open));
        if (fence.outputHidden()) {
            cell = cell.withOutputHidden(true);
        }
        if (fence.inputHidden()) {
            cell = cell.withSourceHidden(true);
        }
        add(cell, true, source, SavedOutputs.cellSignature(cell), lines.raw(open, last));
        return last;
    }

    /** The id an exercise gets when its fence names none: its place among the lesson's exercises. */
    static String defaultExerciseId(int ordinal) {
        return "exercise-" + ordinal;
    }

    /** A cell's role from its fence; a check belongs to the exercise before it. */
    private CellRole role(Fence fence, int line) {
        switch (fence.cellKind()) {
            case Fence.EXERCISE:
                exercises++;
                String id = fence.attribute("id");
                exerciseId = id == null || id.isEmpty() ? defaultExerciseId(exercises) : id;
                return CellRole.exercise(exerciseId);
            case Fence.CHECK:
                if (exerciseId == null) {
                    notes.add(file.getFileName() + ", line " + (line + 1) + ": a java check block with no java "
                            + "exercise block before it checks nothing.");
                }
                return CellRole.check(exerciseId == null ? "" : exerciseId, points(fence.attribute("points"), line));
            default:
                return CellRole.PLAIN;
        }
    }

    private int points(String text, int line) {
        if (text == null) {
            return CellRole.DEFAULT_POINTS;
        }
        try {
            return Math.max(0, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            notes.add(file.getFileName() + ", line " + (line + 1) + ": points=" + text + " is not a whole number; "
                    + "the check counts " + CellRole.DEFAULT_POINTS + ".");
            return CellRole.DEFAULT_POINTS;
        }
    }

    private int nextNonBlank(int from) {
        int next = from;
        while (next < lines.count() && lines.isBlank(next)) {
            next++;
        }
        return next;
    }

    private int closeOf(Fence fence, int open) throws LessonFormatException {
        for (int i = open + 1; i < lines.count(); i++) {
            if (fence.closedBy(lines.content(i))) {
                return i;
            }
        }
        String kind = fence.isCell() ? "code cell" : fence.isOutput() ? "output block" : "fenced block";
        String marker = fence.length() <= 10 ? String.valueOf(fence.marker()).repeat(fence.length())
                : String.valueOf(fence.marker()).repeat(3) + "... (" + fence.length() + " of them)";
        String info = fence.info().length() <= 40 ? fence.info() : fence.info().substring(0, 40) + "...";
        throw new LessonFormatException(file, open + 1, "unclosed " + kind + ": the fence " + marker + info
                + " opened on this line is never closed (close it with a line of at least as many "
                + fence.marker() + " where the block ends)");
    }

    private String joined(Fence fence, int first, int last, boolean lineTerminated) {
        StringBuilder text = new StringBuilder();
        for (int i = first; i <= last; i++) {
            if (i > first && !lineTerminated) {
                text.append('\n');
            }
            text.append(fence.unindent(lines.content(i)));
            if (lineTerminated) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    private void extendProse(int first, int last) {
        if (proseFirst < 0) {
            proseFirst = first;
        }
        proseLast = last;
    }

    /** Ends the prose piece being collected (if any) before line {@code stop}; its trailing blanks are gap. */
    private void endProse(int stop) {
        if (proseFirst < 0) {
            return;
        }
        StringBuilder source = new StringBuilder();
        for (int i = proseFirst; i <= proseLast; i++) {
            if (i > proseFirst) {
                source.append('\n');
            }
            source.append(lines.content(i));
        }
        String text = source.toString();
        add(new MarkdownCell(CellIds.next(), text), false, text, "", lines.raw(proseFirst, proseLast));
        if (proseLast + 1 < stop) {
            gap.append(lines.raw(proseLast + 1, stop - 1));
        }
        proseFirst = -1;
        proseLast = -1;
    }

    private void add(Cell cell, boolean code, String source, String outputText, String raw) {
        Cell previous = cells.isEmpty() ? null : cells.get(cells.size() - 1);
        layouts.put(cell.id(), new MarkdownLayout.CellText(code, source, outputText, raw, gap.toString(),
                previous == null ? null : previous.id(), previous instanceof CodeCell));
        gap.setLength(0);
        cells.add(cell);
    }
}
