package lessonbook.ui;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

import lessonbook.model.Cell;
import lessonbook.ui.markdown.MarkdownView;

/** A prose cell: rendered Markdown, or its source while editing (double-click or Enter). */
final class MarkdownCellView extends CellView {
    private final Consumer<String> onEdit;
    private final boolean editable;
    private MarkdownSourceEditor editor;
    private String source;
    private final MarkdownView rendered = new MarkdownView();
    private final Supplier<Path> lessonFolder;
    private boolean editing;
    /** Rendering waits until the cell comes near the screen; this space stands in ({@link #drawContent()}). */
    private boolean undrawn = true;
    private final javafx.scene.layout.Region undrawnSpace = new javafx.scene.layout.Region();
    private final javafx.beans.property.DoubleProperty fontSize;

    MarkdownCellView(Cell cell, Consumer<String> onEdit, Supplier<Path> lessonFolder, Consumer<String> links,
                     boolean editable, javafx.beans.property.DoubleProperty fontSize) {
        super(cell.id());
        this.fontSize = fontSize;
        this.editable = editable;
        this.lessonFolder = lessonFolder;
        getStyleClass().add("markdown-cell");
        this.onEdit = onEdit;
        this.source = cell.source();
        rendered.setLinkHandler(links);
        body.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && !editing) {
                startEditing();
            }
        });
        editing = editable && cell.source().isBlank();
        show(cell);
    }

    @Override
    void show(Cell cell) {
        source = cell.source();
        if (editor != null) {
            editor.setText(source);
        }
        if (editing) {
            undrawn = false;
            body.getChildren().setAll(editor().node());
        } else if (undrawn) {
            double height = EstimatedHeight.ofMarkdown(source, fontSize.get());
            undrawnSpace.setMinHeight(height);
            undrawnSpace.setPrefHeight(height);
            body.getChildren().setAll(undrawnSpace);
        } else {
            render(cell.source());
        }
    }

    @Override
    boolean hasUndrawnContent() {
        return undrawn;
    }

    @Override
    double undrawnHeight() {
        return undrawn ? undrawnSpace.getPrefHeight() : 0;
    }

    @Override
    void drawContent() {
        if (undrawn) {
            undrawn = false;
            if (!editing) {
                render(source);
            }
        }
    }

    @Override
    CellEditor editor() {
        if (editor == null) {
            // Created on first edit: most prose cells are only ever read.
            editor = new MarkdownSourceEditor(source);
            editor.setOnTextChanged(onEdit);
            editor.node().focusedProperty().addListener((o, was, now) -> editorFocus.accept(now));
        }
        return editor;
    }

    @Override
    boolean isEditing() {
        return editor != null && editor.isEditing();
    }

    boolean isEditingSource() {
        return editing;
    }

    @Override
    void startEditing() {
        if (!editable) {
            return;
        }
        editing = true;
        undrawn = false;
        body.getChildren().setAll(editor().node());
        editor.focusEditor();
    }

    @Override
    void stopEditing() {
        editing = false;
        undrawn = false;
        render(editor == null ? source : editor.text());
    }

    /** Renders the source (the view skips the work when neither the text nor the folder changed). */
    private void render(String source) {
        rendered.setBaseDirectory(lessonFolder.get());
        rendered.setMarkdown(source.isBlank() ? "*Empty Markdown cell: double-click to write.*" : source);
        body.getChildren().setAll(rendered);
    }

    MarkdownView rendered() {
        drawContent();
        return rendered;
    }

    @Override
    boolean editable() {
        return editable;
    }
}
