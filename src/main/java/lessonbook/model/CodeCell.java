package lessonbook.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Java code cell with the outputs of its last run. Outputs are kept as the chunks they arrived in (not merged)
 * so that appending during a flood copies references, never the text itself.
 */
public record CodeCell(String id, String source, List<Output> outputs, Integer executionCount,
                       Map<String, Object> metadata) implements Cell {
    public CodeCell {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        metadata = metadata == null ? Map.of() : metadata;
    }

    public CodeCell(String id, String source) {
        this(id, source, List.of(), null, Map.of());
    }

    @Override
    public CodeCell withSource(String newSource) {
        return new CodeCell(id, newSource, outputs, executionCount, metadata);
    }

    @Override
    public CodeCell withId(String newId) {
        return new CodeCell(newId, source, outputs, executionCount, metadata);
    }

    @Override
    public MarkdownCell convert() {
        return new MarkdownCell(id, source, metadata);
    }

    public CodeCell withOutputs(List<Output> newOutputs) {
        return new CodeCell(id, source, newOutputs, executionCount, metadata);
    }

    public CodeCell withOutput(Output output) {
        List<Output> next = new ArrayList<>(outputs.size() + 1);
        next.addAll(outputs);
        next.add(output);
        return withOutputs(next);
    }

    public CodeCell withExecutionCount(Integer count) {
        return new CodeCell(id, source, outputs, count, metadata);
    }

    /** What this cell is for in a lesson with exercises (plain code, an exercise, or checks), from its metadata. */
    public CodeCell withRole(CellRole role) {
        return new CodeCell(id, source, outputs, executionCount, role.appliedTo(metadata));
    }

    /** The cell with its output hidden or shown (Jupyter's O), as its metadata keeps it in both Jupyter tools. */
    public CodeCell withOutputHidden(boolean hidden) {
        return new CodeCell(id, source, outputs, executionCount, Cells.withOutputHidden(metadata, hidden));
    }

    public boolean outputHidden() {
        return Cells.isOutputHidden(this);
    }

    /** The cell with its code hidden or shown (JupyterLab's collapsed input): it still runs as it is. */
    public CodeCell withSourceHidden(boolean hidden) {
        return new CodeCell(id, source, outputs, executionCount, Cells.withSourceHidden(metadata, hidden));
    }

    public boolean sourceHidden() {
        return Cells.isSourceHidden(this);
    }

    public CellRole role() {
        return CellRole.of(this);
    }

    /** All outputs as the plain text a reader sees, in arrival order (what a lesson file saves). */
    public String outputText() {
        StringBuilder text = new StringBuilder();
        for (Output output : outputs) {
            Outputs.appendText(text, output);
        }
        return text.toString();
    }
}
