package lessonbook.model;

import java.util.Map;
import java.util.Objects;

public record MarkdownCell(String id, String source, Map<String, Object> metadata) implements Cell {
    public MarkdownCell {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        metadata = metadata == null ? Map.of() : metadata;
    }

    public MarkdownCell(String id, String source) {
        this(id, source, Map.of());
    }

    @Override
    public MarkdownCell withSource(String newSource) {
        return new MarkdownCell(id, newSource, metadata);
    }

    @Override
    public MarkdownCell withId(String newId) {
        return new MarkdownCell(newId, source, metadata);
    }

    @Override
    public CodeCell convert() {
        return new CodeCell(id, source, java.util.List.of(), null, metadata);
    }
}
