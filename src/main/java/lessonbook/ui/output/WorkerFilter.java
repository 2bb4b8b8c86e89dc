package lessonbook.ui.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.control.ComboBox;

/**
 * The workers an output pane has seen: each one's colour (in order of first line, {@value #COLOURS} colours
 * round) and the menu that shows one worker's lines only. On the FX thread.
 */
final class WorkerFilter {
    static final int COLOURS = 10;
    private static final String ALL_WORKERS = "All output";

    private final ComboBox<String> menu = new ComboBox<>();
    private final Map<String, Integer> colours = new LinkedHashMap<>();

    WorkerFilter(Runnable onChange) {
        menu.getStyleClass().add("worker-filter");
        menu.getItems().add(ALL_WORKERS);
        menu.setValue(ALL_WORKERS);
        menu.valueProperty().addListener((o, was, now) -> onChange.run());
    }

    ComboBox<String> menu() {
        return menu;
    }

    int colourOf(String worker) {
        Integer colour = colours.get(worker);
        if (colour == null) {
            colour = colours.size() % COLOURS;
            colours.put(worker, colour);
        }
        return colour;
    }

    /** True if the line passes the filter: all output is chosen, or the line is the chosen worker's. */
    boolean shows(OutputLine line) {
        String worker = menu.getValue();
        return worker == null || ALL_WORKERS.equals(worker) || worker.equals(line.worker());
    }

    /** True once lines of more than one worker arrived: only then is there something to filter. */
    boolean worthShowing() {
        return colours.size() > 1;
    }

    /**
     * The menu gets the workers seen so far when the pane is drawn, not as each one starts: a new item
     * restyles the (hidden) menu list, and out of sight that alone repaints the whole window (OnScreen).
     */
    void sync() {
        List<String> items = menu.getItems();
        if (items.size() - 1 < colours.size()) {
            items.addAll(new ArrayList<>(colours.keySet()).subList(items.size() - 1, colours.size()));
        }
    }

    void clear() {
        colours.clear();
        menu.getItems().setAll(ALL_WORKERS);
        menu.setValue(ALL_WORKERS);
    }

    List<String> workers() {
        return List.copyOf(colours.keySet());
    }

    void showOnly(String worker) {
        menu.setValue(worker == null ? ALL_WORKERS : worker);
    }
}
