package lessonbook.ui;

import javafx.scene.Node;

import lessonbook.model.Cell;

/** A prose cell: rendered Markdown, or its source while editing (double-click or Enter). */
final class MarkdownCellView extends CellView {
    private final PlainCodeEditor editor = new PlainCodeEditor(false);
    private String renderedSource;
    private Node rendered;
    private boolean editing;

    MarkdownCellView(Cell cell, java.util.function.Consumer<String> onEdit) {
        super(cell.id());
        getStyleClass().add("markdown-cell");
        editor.setText(cell.source());
        editor.setOnTextChanged(onEdit);
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
            if (rendered == null || !cell.source().equals(renderedSource)) {
                rendered = MarkdownPreview.render(cell.source());
                renderedSource = cell.source();
            }
            body.getChildren().setAll(rendered);
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
        if (rendered == null || !editor.text().equals(renderedSource)) {
            rendered = MarkdownPreview.render(editor.text());
            renderedSource = editor.text();
        }
        body.getChildren().setAll(rendered);
    }
}
