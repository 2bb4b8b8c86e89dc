package lessonbook.ui;

import java.util.List;

import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * A notebook command with its keys. Keys are matched by the notebook's own key filter (which knows about
 * edit and command mode); menus only display them, through {@link Display}, so a plain letter like "A"
 * never fires from a menu accelerator while the user types it into a cell.
 */
record Shortcut(String label, Mode mode, List<KeyCombination> keys, String sequence, Runnable action) {

    enum Mode {
        /** Works while typing in a cell too (Shift+Enter, Ctrl+S...). */
        ANY,
        /** Only in command mode (A, B, D D, M, Y...): in edit mode these keys are text. */
        COMMAND,
        /** Only while editing (split at the cursor). */
        EDIT
    }

    boolean matches(KeyEvent event) {
        for (KeyCombination key : keys) {
            if (key.match(event)) {
                return true;
            }
        }
        return false;
    }

    /** What the menu shows on the right, e.g. "Shift+Enter" or "D, D". */
    String keysText() {
        if (sequence != null) {
            return sequence;
        }
        return keys.isEmpty() ? "" : keys.get(0).getDisplayText();
    }

    /** A key combination that only shows text: it never matches, so the scene never fires it. */
    static final class Display extends KeyCombination {
        private final String text;

        Display(String text) {
            this.text = text;
        }

        @Override
        public boolean match(KeyEvent event) {
            return false;
        }

        @Override
        public String getDisplayText() {
            return text;
        }

        @Override
        public String getName() {
            return "display:" + text;
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
