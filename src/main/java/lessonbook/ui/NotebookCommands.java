package lessonbook.ui;

import static javafx.scene.input.KeyCombination.ALT_DOWN;
import static javafx.scene.input.KeyCombination.SHIFT_DOWN;
import static javafx.scene.input.KeyCombination.SHORTCUT_DOWN;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import lessonbook.ui.Shortcut.Mode;

/**
 * Every notebook command once: its menu entry, its keys (matched here, with Jupyter's edit/command modes
 * and two-key sequences such as D, D) and the rows of the help overlay. The actions belong to the command
 * objects it is given; of the window it knows only {@link WindowActions}.
 */
final class NotebookCommands {
    private static final long SEQUENCE_WINDOW_MS = 800;

    private final Map<String, List<Shortcut>> menus = new LinkedHashMap<>();
    /**
     * What a notebook shown read-only (another language's) cannot do, besides the whole Run menu: Save, and the
     * items that change its cells or run them as part of what they do. Copy, Find, selection, Save As and the
     * kernel's own stay.
     */
    private static final Set<String> OFF_WHEN_READ_ONLY = Set.of("Save", "Undo Cell Change", "Redo Cell Change",
            "Insert Cell Above", "Insert Cell Below", "Delete Cells", "Cut Cells", "Paste Cells Below",
            "Paste Cells Above", "Move Cells Up", "Move Cells Down", "Split Cell at Cursor", "Merge Cells",
            "Change to Code", "Change to Markdown", "Make Exercise", "Make Checks", "Make Plain Code",
            "Find and Replace in Lesson\u2026", "Edit Cell", "Restart Kernel and Run All",
            "Reset Lesson (clear outputs, restart)");
    private final List<MenuItem> offWhenReadOnly = new ArrayList<>();
    private KeyCode lastSequenceKey;
    private long lastSequenceAt;

    NotebookCommands(WindowActions window, RunCommands run, CellEditCommands edits, LessonFileCommands files,
                     ExportCommands exports, Appearance appearance) {
        WindowActions w = window;
        RunCommands r = run;
        CellEditCommands e = edits;
        add("File", "New Lesson", Mode.ANY, files::newLesson, key(KeyCode.N, SHORTCUT_DOWN));
        add("File", "Open\u2026", Mode.ANY, files::chooseAndOpen, key(KeyCode.O, SHORTCUT_DOWN));
        add("File", "Save", Mode.ANY, files::save, key(KeyCode.S, SHORTCUT_DOWN));
        add("File", "Save As\u2026", Mode.ANY, files::chooseAndSaveAs, key(KeyCode.S, SHORTCUT_DOWN, SHIFT_DOWN));
        add("File", null, null, null);
        for (ExportFormat format : ExportFormat.values()) {
            add("File", format.menuLabel(), Mode.ANY, () -> exports.chooseAndExport(format));
        }
        add("File", "Export Students' Copy\u2026", Mode.ANY, exports::chooseAndExportStudentCopy);
        add("File", null, null, null);
        add("File", "Quit", Mode.ANY, w::requestClose, key(KeyCode.Q, SHORTCUT_DOWN));

        add("Edit", "Undo Cell Change", Mode.COMMAND, e::undo, key(KeyCode.Z));
        add("Edit", "Redo Cell Change", Mode.COMMAND, e::redo, key(KeyCode.Z, SHIFT_DOWN));
        add("Edit", null, null, null);
        add("Edit", "Insert Cell Above", Mode.COMMAND, () -> e.insertCell(false), key(KeyCode.A));
        add("Edit", "Insert Cell Below", Mode.COMMAND, () -> e.insertCell(true), key(KeyCode.B));
        addSequence("Edit", "Delete Cells", Mode.COMMAND, e::deleteCell, KeyCode.D, "D, D");
        add("Edit", null, null, null);
        add("Edit", "Cut Cells", Mode.COMMAND, e::cutCell, key(KeyCode.X));
        add("Edit", "Copy Cells", Mode.COMMAND, e::copyCell, key(KeyCode.C));
        add("Edit", "Paste Cells Below", Mode.COMMAND, () -> e.pasteCell(true), key(KeyCode.V));
        add("Edit", "Paste Cells Above", Mode.COMMAND, () -> e.pasteCell(false), key(KeyCode.V, SHIFT_DOWN));
        add("Edit", null, null, null);
        add("Edit", "Move Cells Up", Mode.COMMAND, () -> e.moveCell(-1), key(KeyCode.UP, SHORTCUT_DOWN, SHIFT_DOWN));
        add("Edit", "Move Cells Down", Mode.COMMAND, () -> e.moveCell(1), key(KeyCode.DOWN, SHORTCUT_DOWN, SHIFT_DOWN));
        add("Edit", "Split Cell at Cursor", Mode.EDIT, e::splitCell, key(KeyCode.MINUS, SHORTCUT_DOWN, SHIFT_DOWN));
        add("Edit", "Merge Cells", Mode.COMMAND, e::mergeBelow, key(KeyCode.M, SHIFT_DOWN));
        add("Edit", null, null, null);
        add("Edit", "Change to Code", Mode.COMMAND, () -> e.changeType(true), key(KeyCode.Y));
        add("Edit", "Change to Markdown", Mode.COMMAND, () -> e.changeType(false), key(KeyCode.M));
        add("Edit", "Make Exercise", Mode.COMMAND, () -> e.setRole(lessonbook.model.CellRole.Kind.EXERCISE));
        add("Edit", "Make Checks", Mode.COMMAND, () -> e.setRole(lessonbook.model.CellRole.Kind.CHECK));
        add("Edit", "Make Plain Code", Mode.COMMAND, () -> e.setRole(lessonbook.model.CellRole.Kind.PLAIN));
        add("Edit", null, null, null);
        add("Edit", "Find in Lesson\u2026", Mode.COMMAND, w::findInLesson, key(KeyCode.F, SHORTCUT_DOWN));
        add("Edit", "Find and Replace in Lesson\u2026", Mode.COMMAND, w::replaceInLesson,
                key(KeyCode.H, SHORTCUT_DOWN));
        add("Edit", null, null, null);
        add("Edit", "Edit Cell", Mode.COMMAND, e::editSelected, key(KeyCode.ENTER));
        add("Edit", "Leave Editor", Mode.EDIT, e::commandMode, key(KeyCode.ESCAPE));
        add("Edit", "Select Cell Above", Mode.COMMAND, () -> e.moveSelection(-1), key(KeyCode.UP), key(KeyCode.K));
        add("Edit", "Select Cell Below", Mode.COMMAND, () -> e.moveSelection(1), key(KeyCode.DOWN), key(KeyCode.J));
        add("Edit", "Extend Selection Above", Mode.COMMAND, () -> e.extendSelection(-1), key(KeyCode.UP, SHIFT_DOWN),
                key(KeyCode.K, SHIFT_DOWN));
        add("Edit", "Extend Selection Below", Mode.COMMAND, () -> e.extendSelection(1), key(KeyCode.DOWN, SHIFT_DOWN),
                key(KeyCode.J, SHIFT_DOWN));

        add("Run", "Run Cell and Select Below", Mode.ANY, r::runAndAdvance, key(KeyCode.ENTER, SHIFT_DOWN));
        add("Run", "Run Cell", Mode.ANY, r::runInPlace, key(KeyCode.ENTER, SHORTCUT_DOWN));
        add("Run", "Run Cell and Insert Below", Mode.ANY, r::runAndInsert, key(KeyCode.ENTER, ALT_DOWN));
        add("Run", "Run All Cells", Mode.ANY, r::runAll, key(KeyCode.F9, SHORTCUT_DOWN));
        add("Run", "Run All Above", Mode.ANY, r::runAllAbove, key(KeyCode.F9, SHORTCUT_DOWN, SHIFT_DOWN));
        add("Run", "Run Selected Cell and All Below", Mode.ANY, r::runSelectedAndBelow);
        add("Run", "Check Exercise", Mode.ANY, r::checkSelected, key(KeyCode.K, SHORTCUT_DOWN, SHIFT_DOWN));
        add("Run", null, null, null);
        add("Run", "Clear All Outputs", Mode.ANY, r::clearOutputs, key(KeyCode.L, SHORTCUT_DOWN, SHIFT_DOWN));

        addSequence("Kernel", "Interrupt", Mode.COMMAND, r::interrupt, KeyCode.I, "I, I");
        addSequence("Kernel", "Restart Kernel", Mode.COMMAND, r::restartKernel, KeyCode.DIGIT0, "0, 0");
        add("Kernel", "Restart Kernel and Run All", Mode.ANY, r::restartAndRunAll,
                key(KeyCode.F9, SHORTCUT_DOWN, ALT_DOWN));
        add("Kernel", null, null, null);
        add("Kernel", "Reset Lesson (clear outputs, restart)", Mode.ANY, r::resetLesson);

        add("View", "Zoom In", Mode.ANY, () -> appearance.zoom(1), key(KeyCode.EQUALS, SHORTCUT_DOWN),
                key(KeyCode.PLUS, SHORTCUT_DOWN), key(KeyCode.ADD, SHORTCUT_DOWN),
                key(KeyCode.EQUALS, SHORTCUT_DOWN, SHIFT_DOWN));
        add("View", "Zoom Out", Mode.ANY, () -> appearance.zoom(-1), key(KeyCode.MINUS, SHORTCUT_DOWN),
                key(KeyCode.SUBTRACT, SHORTCUT_DOWN));
        add("View", "Actual Size", Mode.ANY, () -> appearance.zoom(0), key(KeyCode.DIGIT0, SHORTCUT_DOWN),
                key(KeyCode.NUMPAD0, SHORTCUT_DOWN));
        add("View", null, null, null);
        add("View", "Hide or Show Cell Output", Mode.COMMAND, e::toggleOutput, key(KeyCode.O));
        add("View", "Hide or Show Cell Code", Mode.COMMAND, e::toggleCode);
        add("View", "Outline", Mode.ANY, w::toggleOutline, key(KeyCode.O, SHORTCUT_DOWN, SHIFT_DOWN));
        add("View", "Variables", Mode.ANY, w::toggleVariables);
        add("View", "Presenter Mode", Mode.ANY, w::togglePresenter, key(KeyCode.F5));
        add("View", "Show or Hide Solutions and Checks", Mode.ANY, w::toggleSolutions, key(KeyCode.F6));
        add("View", "Dark Theme", Mode.ANY, () -> appearance.setDark(!appearance.isDark()),
                key(KeyCode.T, SHORTCUT_DOWN, SHIFT_DOWN));

        add("Help", "Keyboard Shortcuts", Mode.COMMAND, w::toggleHelp, key(KeyCode.H));
        add("Help", "Keyboard Shortcuts (any mode)", Mode.ANY, w::toggleHelp, key(KeyCode.F1));
    }

    private static KeyCombination key(KeyCode code, KeyCombination.Modifier... modifiers) {
        return new KeyCodeCombination(code, modifiers);
    }

    private void add(String menu, String label, Mode mode, Runnable action, KeyCombination... keys) {
        menus.computeIfAbsent(menu, m -> new ArrayList<>())
                .add(label == null ? null : new Shortcut(label, mode, List.of(keys), null, action));
    }

    private void addSequence(String menu, String label, Mode mode, Runnable action, KeyCode key, String text) {
        menus.computeIfAbsent(menu, m -> new ArrayList<>())
                .add(new Shortcut(label, mode, List.of(key(key)), text, action));
    }

    MenuBar menuBar(Runnable recentMenuRefresh, Menu recentMenu) {
        MenuBar bar = new MenuBar();
        for (Map.Entry<String, List<Shortcut>> entry : menus.entrySet()) {
            Menu menu = new Menu(entry.getKey());
            for (Shortcut s : entry.getValue()) {
                if (s == null) {
                    menu.getItems().add(new SeparatorMenuItem());
                    continue;
                }
                if (s.label().endsWith("(any mode)")) {
                    continue;
                }
                MenuItem item = new MenuItem(s.label());
                item.setAccelerator(new Shortcut.Display(s.keysText()));
                item.setOnAction(e -> s.action().run());
                menu.getItems().add(item);
                if (entry.getKey().equals("Run") || OFF_WHEN_READ_ONLY.contains(s.label())) {
                    offWhenReadOnly.add(item);
                }
                if (s.label().equals("Open\u2026")) {
                    menu.getItems().add(recentMenu);
                }
            }
            if (entry.getKey().equals("File")) {
                menu.setOnShowing(e -> recentMenuRefresh.run());
            }
            bar.getMenus().add(menu);
        }
        long named = offWhenReadOnly.stream().map(MenuItem::getText).filter(OFF_WHEN_READ_ONLY::contains).count();
        if (named != OFF_WHEN_READ_ONLY.size()) {
            throw new IllegalStateException("a read-only item names no menu item: " + OFF_WHEN_READ_ONLY);
        }
        return bar;
    }

    /** Turns off (or on again) the menu items a read-only notebook cannot use; the menu bar is built. FX thread. */
    void showReadOnly(boolean readOnly) {
        offWhenReadOnly.forEach(item -> item.setDisable(readOnly));
    }

    /** Rows for the help overlay: keys and what they do, grouped by menu. */
    Map<String, List<Shortcut>> groups() {
        return menus;
    }

    /** The notebook's key filter: runs the command for the key, in the right mode, and consumes it. */
    void handle(KeyEvent event, boolean editing, boolean typingElsewhere) {
        for (List<Shortcut> group : menus.values()) {
            for (Shortcut s : group) {
                if (s == null || !s.matches(event)) {
                    continue;
                }
                boolean modeOk = switch (s.mode()) {
                    case ANY -> !typingElsewhere || event.isShortcutDown();
                    case COMMAND -> !editing && !typingElsewhere;
                    case EDIT -> editing;
                };
                if (!modeOk) {
                    continue;
                }
                event.consume();
                if (s.sequence() != null && !completesSequence(event.getCode())) {
                    return;
                }
                s.action().run();
                return;
            }
        }
        lastSequenceKey = null;
    }

    private boolean completesSequence(KeyCode code) {
        long now = System.currentTimeMillis();
        boolean second = code == lastSequenceKey && now - lastSequenceAt < SEQUENCE_WINDOW_MS;
        lastSequenceKey = second ? null : code;
        lastSequenceAt = now;
        return second;
    }
}
