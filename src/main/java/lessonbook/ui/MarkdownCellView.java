package lessonbook.ui;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

import lessonbook.model.Cell;
import lessonbook.ui.markdown.MarkdownView;

/** A prose cell: rendered Markdown, or its source while editing (double-click or Enter). */
final class MarkdownCellView extends CellView {
    private final MarkdownSourceEditor editor;
    private final MarkdownView rendered = new MarkdownView();
    private final Supplier<Path> lessonFolder;
    private boolean editing;

    MarkdownCellView(Cell cell, Consumer<String> onEdit, Supplier<Path> lessonFolder, Consumer<String> links) {
        super(cell.id());
        this.lessonFolder = lessonFolder;
        getStyleClass().add("markdown-cell");
        editor = new MarkdownSourceEditor(cell.source());
        editor.setOnTextChanged(onEdit);
        rendered.setLinkHandler(links);
        body.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && !editing) {
                startEditing();
            }
        });
        editing = cell.source().isBlank();
        show(cell);
    }

    @Override
    void show(Cell cell) {
        editor.setText(cell.source());
        if (editing) {
            body.getChildren().setAll(editor.node());
        } else {
            render(cell.source());
        }
    }

    @Override
    CellEditor editor() {
        return editor;
    }

    boolean isEditingSource() {
        return editing;
    }

    @Override
    void startEditing() {
        editing = true;
        body.getChildren().setAll(editor.node());
        editor.focusEditor();
    }

    @Override
    void stopEditing() {
        editing = false;
        render(editor.text());
    }

    /** Renders the source (the view skips the work when neither the text nor the folder changed). */
    private void render(String source) {
        rendered.setBaseDirectory(lessonFolder.get());
        rendered.setMarkdown(source.isBlank() ? "*Empty Markdown cell: double-click to write.*" : source);
        body.getChildren().setAll(rendered);
    }

    MarkdownView rendered() {
        return rendered;
    }
}
