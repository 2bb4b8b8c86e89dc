package lessonbook.ui.editor;

import java.util.List;

import javafx.scene.Scene;

/**
 * The light and dark looks of the editor and of the Markdown view ({@code ui.markdown}, which uses this
 * package, never the other way). A theme is a pair of scene stylesheets (editor + markdown); the components
 * add none themselves, so the shell's theme decides. Call {@link #applyTo(Scene)} (it removes the other
 * theme's sheets first) or add {@link #stylesheets()} to the scene yourself. Sizes are in em, so zoom by setting {@code -fx-font-size}
 * on the scene root.
 */
public enum EditorTheme {
    LIGHT("light"), DARK("dark");

    private final String name;

    EditorTheme(String name) {
        this.name = name;
    }

    /** URLs of the editor's and the Markdown view's stylesheets: the shared rules, then this theme's palette. */
    public List<String> stylesheets() {
        return List.of(
                EditorTheme.class.getResource("editor.css").toExternalForm(),
                EditorTheme.class.getResource("editor-" + name + ".css").toExternalForm(),
                EditorTheme.class.getResource("/lessonbook/ui/markdown/markdown.css").toExternalForm(),
                EditorTheme.class.getResource("/lessonbook/ui/markdown/markdown-" + name + ".css").toExternalForm());
    }

    public void applyTo(Scene scene) {
        for (EditorTheme other : values()) {
            scene.getStylesheets().removeAll(other.stylesheets());
        }
        scene.getStylesheets().addAll(stylesheets());
    }
}
