package lessonbook.ui;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The window's set-up as the teacher chose it (zoom, theme, the side columns): put back at the start from
 * {@link ViewSettings}, and saved at each change the teacher makes from then on. Not presenter mode's: its large
 * font and hidden columns are for the class. A window never given settings (tests, probes) saves nothing.
 * On the FX thread.
 */
final class KeptView {
    private final Appearance appearance;
    private final SidePanes panes;
    private final BooleanSupplier presenting;
    private Consumer<ViewSettings> saver;

    KeptView(Appearance appearance, SidePanes panes, BooleanSupplier presenting) {
        this.appearance = appearance;
        this.panes = panes;
        this.presenting = presenting;
    }

    void restore(ViewSettings settings, Consumer<ViewSettings> saveTo) {
        appearance.fontSize().set(settings.fontSize());
        appearance.setDark(settings.dark());
        SidePanes.showIf(panes.outline(), settings.outline());
        SidePanes.showIf(panes.variables(), settings.variables());
        saver = saveTo;
        appearance.setOnChosen(this::save);
    }

    void toggleOutline() {
        panes.outline().toggle();
        save();
    }

    void toggleVariables() {
        panes.variables().toggle();
        save();
    }

    private void save() {
        if (saver != null && !presenting.getAsBoolean()) {
            saver.accept(new ViewSettings(appearance.fontSize().get(), appearance.isDark(),
                    panes.outline().isShown(), panes.variables().isShown()));
        }
    }
}
