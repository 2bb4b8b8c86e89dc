package lessonbook.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Priority;

import lessonbook.format.LessonOutline;
import lessonbook.model.Cell;
import lessonbook.model.MarkdownCell;
import lessonbook.model.NotebookDocument;

/**
 * View ▸ Outline: the lesson's headings beside the cells, indented by level, the section of the selected cell
 * marked; a click goes to that heading's cell. A teacher jumps back to "Pools" when a student asks.
 *
 * <p>On the FX thread. It reads the lesson only while shown: changes mark it stale and one refresh per pulse
 * follows, which parses again only the Markdown cells whose text changed ({@link LessonOutline} per cell).
 */
final class OutlinePane extends SideColumn {
    private final NotebookDocument document;
    private final NotebookView view;
    private final ListView<LessonOutline.Entry> list = new ListView<>();
    /** Per Markdown cell: the source last parsed and its headings. */
    private final Map<String, Parsed> parsed = new HashMap<>();
    private boolean marking;

    private record Parsed(String source, List<LessonOutline.Entry> headings) {
    }

    OutlinePane(NotebookDocument document, NotebookView view) {
        this.document = document;
        this.view = view;
        getStyleClass().add("outline-pane");
        Label title = new Label("Outline");
        title.getStyleClass().add("outline-title");
        list.getStyleClass().add("outline-list");
        list.setPlaceholder(new Label("No headings yet: a Markdown cell's # lines show here."));
        list.setCellFactory(v -> new HeadingCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && !marking && document.indexOf(now.cellId()) >= 0) {
                view.select(now.cellId());
                view.scrollToSelected();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, list);
        TextChangeRenewal.install(document, this, this::refresh);
    }

    /** The headings as listed, for tests. */
    List<LessonOutline.Entry> entries() {
        return List.copyOf(list.getItems());
    }

    /** The heading marked as the selected cell's section, or null. */
    LessonOutline.Entry marked() {
        return list.getSelectionModel().getSelectedItem();
    }

    /** Marks the section of the selected cell: the last heading at or above it. */
    void selectionMoved() {
        if (!isVisible()) {
            return;
        }
        int selected = view.selectedIndex();
        int best = -1;
        List<LessonOutline.Entry> items = list.getItems();
        for (int i = 0; i < items.size(); i++) {
            if (document.indexOf(items.get(i).cellId()) <= selected) {
                best = i;
            }
        }
        if (best == list.getSelectionModel().getSelectedIndex()) {
            return;   // the same section: no layout of the column (a Run All moves the selection every cell)
        }
        marking = true;
        try {
            if (best < 0) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(best);
                list.scrollTo(Math.max(0, best - 3));
            }
        } finally {
            marking = false;
        }
    }

    @Override
    void refresh() {
        List<LessonOutline.Entry> headings = new ArrayList<>();
        Map<String, Parsed> next = new HashMap<>();
        for (Cell cell : document.cells()) {
            if (cell instanceof MarkdownCell markdown) {
                Parsed was = parsed.get(cell.id());
                Parsed now = was != null && was.source().equals(cell.source()) ? was
                        : new Parsed(cell.source(), LessonOutline.headingsOf(markdown));
                next.put(cell.id(), now);
                headings.addAll(now.headings());
            }
        }
        parsed.clear();
        parsed.putAll(next);
        if (!headings.equals(list.getItems())) {
            marking = true;
            try {
                list.getItems().setAll(headings);
            } finally {
                marking = false;
            }
        }
        selectionMoved();
    }

    /** One heading, indented one step per level below the first. */
    private static final class HeadingCell extends ListCell<LessonOutline.Entry> {
        @Override
        protected void updateItem(LessonOutline.Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            getStyleClass().removeIf(c -> c.startsWith("outline-level-"));
            if (empty || entry == null) {
                setText(null);
                return;
            }
            setText(entry.text());
            getStyleClass().add("outline-level-" + Math.min(entry.level(), 4));
        }
    }
}
