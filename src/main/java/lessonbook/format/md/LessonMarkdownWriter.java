package lessonbook.format.md;

import java.util.Map;

import lessonbook.model.Cell;
import lessonbook.model.CellRole;
import lessonbook.format.text.CheckBlock;
import lessonbook.model.CodeCell;
import lessonbook.format.text.OutputBlocks;
import lessonbook.model.Notebook;
import lessonbook.model.Output;

/**
 * Writes a notebook as a lesson file. A cell that is unchanged since it was read is written with the exact text
 * it was read from (and the separator before it while its neighbour is the same), so an unedited lesson saves to
 * the same bytes and an edit touches only the edited cell. Other cells are written in a canonical form: a blank
 * line between cells, {@code <!-- cell -->} between two prose cells, code in a backtick fence longer than any
 * backtick run in the code, its output text in an {@code output} block.
 */
public final class LessonMarkdownWriter {
    private final MarkdownLayout layout;
    private final String eol;
    private final StringBuilder out = new StringBuilder();
    /** Exercises met so far, to leave out an id that is the one the reader would give anyway. */
    private int exercises;

    private LessonMarkdownWriter(MarkdownLayout layout) {
        this.layout = layout;
        this.eol = layout == null ? "\n" : layout.lineEnding();
    }

    public static String write(Notebook notebook) {
        Object layout = notebook.metadata().get(MarkdownLayout.KEY);
        return new LessonMarkdownWriter(layout instanceof MarkdownLayout l ? l : null).render(notebook);
    }

    private String render(Notebook notebook) {
        if (layout != null && layout.byteOrderMark()) {
            out.append('\uFEFF');
        }
        Map<String, MarkdownLayout.CellText> known = layout == null ? Map.of() : layout.cells();
        Cell previous = null;
        for (Cell cell : notebook.cells()) {
            MarkdownLayout.CellText text = known.get(cell.id());
            endLine();
            out.append(sameNeighbours(text, cell, previous) ? text.leading() : canonicalSeparator(previous, cell));
            if (cell instanceof CodeCell code && code.role().isExercise() && unchanged(text, cell)) {
                exercises++;
            }
            out.append(unchanged(text, cell) ? text.raw() : canonical(cell));
            previous = cell;
        }
        String lastId = previous == null ? null : previous.id();
        if (layout != null && java.util.Objects.equals(layout.lastCellId(), lastId)) {
            out.append(layout.trailing());
        } else {
            endLine();
        }
        return withoutNul(out.toString());
    }

    /**
     * The reader refuses a file with a NUL in it (binary data, {@link lessonbook.format.TextFiles}), so a NUL
     * that reached a cell's source (an .ipynb from elsewhere, a paste) is written as Java's escape for it,
     * {@code \\u0000}: in code javac reads the escape as the same character, and in prose and output it reads as
     * {@link lessonbook.model.PrintableText} shows a printed NUL. Text kept raw from the file read cannot hold one.
     */
    static String withoutNul(String text) {
        return text.indexOf('\0') < 0 ? text : text.replace("\0", "\\u0000");
    }

    private static boolean sameNeighbours(MarkdownLayout.CellText text, Cell cell, Cell previous) {
        return text != null && text.code() == (cell instanceof CodeCell)
                && java.util.Objects.equals(text.previousId(), previous == null ? null : previous.id())
                && (previous == null || text.previousCode() == (previous instanceof CodeCell));
    }

    private static boolean unchanged(MarkdownLayout.CellText text, Cell cell) {
        if (text == null || text.code() != (cell instanceof CodeCell) || !text.source().equals(cell.source())) {
            return false;
        }
        return !(cell instanceof CodeCell code) || text.outputText().equals(SavedOutputs.cellSignature(code));
    }

    /** {@code java}, {@code java exercise [id=NAME]} or {@code java check [points=N]}. */
    private String infoString(CellRole role) {
        switch (role.kind()) {
            case EXERCISE:
                exercises++;
                boolean usual = role.exerciseId().equals(LessonMarkdownReader.defaultExerciseId(exercises));
                return "java " + Fence.EXERCISE + (usual || role.exerciseId().isEmpty() ? "" : " id=" + role.exerciseId());
            case CHECK:
                return "java " + Fence.CHECK + (role.points() == CellRole.DEFAULT_POINTS ? "" : " points=" + role.points());
            default:
                return "java";
        }
    }

    private String canonicalSeparator(Cell previous, Cell cell) {
        if (previous == null) {
            return "";
        }
        if (!(previous instanceof CodeCell) && !(cell instanceof CodeCell)) {
            return eol + LessonMarkdownReader.CELL_MARKER + eol + eol;
        }
        return eol;
    }

    private String canonical(Cell cell) {
        StringBuilder text = new StringBuilder();
        if (cell instanceof CodeCell code) {
            String fence = Fence.backticksFor(code.source());
            text.append(fence).append(infoString(code.role()))
                    .append(code.sourceHidden() ? " " + Fence.INPUT_HIDDEN : "")
                    .append(code.outputHidden() ? " " + Fence.OUTPUT_HIDDEN : "").append(eol);
            appendLines(text, code.source());
            text.append(fence).append(eol);
            String output = SavedOutputs.plainText(code.outputs());
            if (!output.isEmpty()) {
                appendBlock(text, "output", output);
            }
            for (Output rich : code.outputs()) {
                if (OutputBlocks.hasOwnBlock(rich)) {
                    appendBlock(text, OutputBlocks.infoString(rich), OutputBlocks.body(rich));
                }
            }
            if (CheckBlock.hasChecks(code.outputs())) {
                appendBlock(text, CheckBlock.INFO, CheckBlock.body(code.outputs()));
            }
            if (SavedOutputs.hasWorkerEvents(code.outputs())) {
                appendBlock(text, OutputBlocks.WORKERS, OutputBlocks.workersBody(code.outputs()));
            }
        } else {
            appendLines(text, cell.source().strip().isEmpty() ? "" : proseThatStaysProse(cell.source()));
        }
        return text.toString();
    }

    /**
     * Prose written as a lesson must read back as the same one prose cell (it may come from a notebook, where a
     * Markdown cell often shows Java in a {@code ```java} block): such a fence becomes {@code ```java prose},
     * which renderers still highlight as Java, and a fence left open is closed.
     */
    static String proseThatStaysProse(String source) {
        StringBuilder text = new StringBuilder(source.length() + 16);
        Fence open = null;
        boolean first = true;
        for (String line : source.split("\n", -1)) {
            if (!first) {
                text.append('\n');
            }
            first = false;
            String content = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (open == null) {
                Fence fence = Fence.opening(content);
                if (fence != null && (fence.isCell() || fence.isOutput())) {
                    text.append(" ".repeat(fence.indent()))
                            .append(String.valueOf(fence.marker()).repeat(fence.length()))
                            .append(fence.info()).append(" prose");
                    open = fence;
                    continue;
                }
                if (content.strip().equals(LessonMarkdownReader.CELL_MARKER)) {
                    text.append("<!-- cell (in prose) -->");
                    continue;
                }
                open = fence;
            } else if (open.closedBy(content)) {
                open = null;
            }
            text.append(line);
        }
        if (open != null) {
            text.append('\n').append(" ".repeat(open.indent()))
                    .append(String.valueOf(open.marker()).repeat(open.length()));
        }
        return text.toString();
    }

    /** A fenced block holding {@code content} (lines ending in "\n"; a last line without one gets one). */
    private void appendBlock(StringBuilder text, String info, String content) {
        String fence = Fence.backticksFor(content);
        text.append(fence).append(info).append(eol);
        String body = content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        for (String line : body.split("\n", -1)) {
            text.append(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).append(eol);
        }
        text.append(fence).append(eol);
    }

    /** Each line of {@code source} followed by the file's line ending; nothing for an empty source. */
    private void appendLines(StringBuilder text, String source) {
        if (source.isEmpty()) {
            return;
        }
        int start = 0;
        while (true) {
            int newline = source.indexOf('\n', start);
            if (newline < 0) {
                text.append(source, start, source.length()).append(eol);
                return;
            }
            int end = newline > start && source.charAt(newline - 1) == '\r' ? newline - 1 : newline;
            text.append(source, start, end).append(eol);
            start = newline + 1;
        }
    }

    private void endLine() {
        int length = out.length();
        if (length > 0 && out.charAt(length - 1) != '\n' && !(length == 1 && out.charAt(0) == '\uFEFF')) {
            out.append(eol);
        }
    }
}
