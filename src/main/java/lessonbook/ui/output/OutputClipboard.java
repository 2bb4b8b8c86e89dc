package lessonbook.ui.output;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;

/**
 * Copying an output pane's text: Ctrl+C and "Copy Selected Lines" copy the whole lines under the selected rows
 * (a wrapped line once), "Copy All Output" the lines the pane shows.
 */
final class OutputClipboard {
    private OutputClipboard() {
    }

    static void install(ListView<RowWrapper.Row> list, Supplier<List<OutputLine>> shownLines) {
        list.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                copy(selectedLines(list));
                e.consume();
            }
        });
        MenuItem copySelected = new MenuItem("Copy Selected Lines");
        copySelected.setOnAction(e -> copy(selectedLines(list)));
        MenuItem copyAll = new MenuItem("Copy All Output");
        copyAll.setOnAction(e -> copy(shownLines.get()));
        list.setContextMenu(new ContextMenu(copySelected, copyAll));
    }

    private static void copy(List<OutputLine> chosen) {
        ClipboardContent content = new ClipboardContent();
        content.putString(chosen.stream().map(OutputLine::text).collect(Collectors.joining("\n")));
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** The whole lines under the selected rows, each once, in order. */
    private static List<OutputLine> selectedLines(ListView<RowWrapper.Row> list) {
        List<OutputLine> chosen = new ArrayList<>();
        for (RowWrapper.Row row : list.getSelectionModel().getSelectedItems()) {
            if (row != null && (chosen.isEmpty() || chosen.get(chosen.size() - 1) != row.line())) {
                chosen.add(row.line());
            }
        }
        return chosen;
    }
}
