package lessonbook.ui;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;

import lessonbook.ui.richoutput.DisplayViews;
import lessonbook.ui.editor.EditorTheme;

/**
 * Zoom and theme. Zoom sets one root font size that every other size in the CSS follows (in em), so the
 * editor, the outputs and the prose scale together for a projector.
 */
final class Appearance {
    static final double BASE_FONT = 14;
    private static final double MIN_FONT = 9;
    private static final double MAX_FONT = 40;
    private static final String BASE_CSS = css("lessonbook.css");
    private static final String LIGHT_CSS = css("light.css");
    private static final String DARK_CSS = css("dark.css");

    private final DoubleProperty fontSize = new SimpleDoubleProperty(BASE_FONT);
    private boolean dark;
    private Scene scene;
    /** Told when the user zooms or changes the theme (not when presenter mode enlarges the font). */
    private Runnable onChosen = () -> { };

    private static String css(String name) {
        return Appearance.class.getResource("/lessonbook/ui/" + name).toExternalForm();
    }

    void attach(Scene scene) {
        this.scene = scene;
        fontSize.addListener((o, was, now) -> applyFont());
        applyFont();
        applyTheme();
    }

    DoubleProperty fontSize() {
        return fontSize;
    }

    /** +1 zooms in a step, -1 out, 0 back to 100 %. */
    void zoom(int direction) {
        double next = direction == 0 ? BASE_FONT
                : direction > 0 ? fontSize.get() * 1.15 : fontSize.get() / 1.15;
        fontSize.set(Math.max(MIN_FONT, Math.min(MAX_FONT, Math.round(next * 10) / 10.0)));
        onChosen.run();
    }

    static boolean fitsFont(double size) {
        return size >= MIN_FONT && size <= MAX_FONT;
    }

    void setOnChosen(Runnable listener) {
        onChosen = listener;
    }

    int zoomPercent() {
        return (int) Math.round(fontSize.get() / BASE_FONT * 100);
    }

    boolean isDark() {
        return dark;
    }

    void setDark(boolean value) {
        dark = value;
        applyTheme();
        onChosen.run();
    }

    private void applyFont() {
        Parent root = scene.getRoot();
        root.setStyle("-fx-font-size: " + fontSize.get() + "px;");
    }

    /** Ours, then the editor's and Markdown view's for the same theme, then the rich outputs' views'. */
    private void applyTheme() {
        java.util.List<String> sheets = new java.util.ArrayList<>();
        sheets.add(BASE_CSS);
        sheets.add(dark ? DARK_CSS : LIGHT_CSS);
        sheets.addAll((dark ? EditorTheme.DARK : EditorTheme.LIGHT).stylesheets());
        sheets.add(DisplayViews.STYLESHEET);
        scene.getStylesheets().setAll(sheets);
        scene.getRoot().getStyleClass().removeAll("theme-dark", "theme-light");
        scene.getRoot().getStyleClass().add(dark ? "theme-dark" : "theme-light");
    }
}
