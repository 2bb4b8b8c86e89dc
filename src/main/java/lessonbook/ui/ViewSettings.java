package lessonbook.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.prefs.Preferences;

/**
 * How the teacher last set the window up: zoom, theme and the side columns, so that a projector's 150 % and the
 * dark theme are there again at the next lesson. Kept in the user's preferences (node {@code lessonbook/view}).
 * The first read of the preferences costs 10-50 ms, so it happens on a thread of its own while JavaFX starts
 * ({@link #readAhead()}, from {@code DesktopLauncher.prepare}), and writes happen there too; a window that was
 * not started by the launcher (tests, probes) neither reads nor writes them. Values out of range read as the
 * defaults; unreadable preferences (a read-only home) leave the defaults and lose nothing else.
 */
record ViewSettings(double fontSize, boolean dark, boolean outline, boolean variables) {
    static final ViewSettings DEFAULT = new ViewSettings(Appearance.BASE_FONT, false, false, false);

    /** One thread for the user's preferences, shared with {@link RecentFiles}: the Preferences API is slow to load. */
    static final ExecutorService PREFERENCES = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "lessonbook-preferences");
        t.setDaemon(true);
        return t;
    });

    static CompletableFuture<ViewSettings> readAhead() {
        return CompletableFuture.supplyAsync(() -> read(node()), PREFERENCES)
                .exceptionally(unreadable -> DEFAULT);
    }

    static ViewSettings read(Preferences node) {
        double font = node.getDouble("fontSize", DEFAULT.fontSize());
        return new ViewSettings(Appearance.fitsFont(font) ? font : DEFAULT.fontSize(), node.getBoolean("dark", false),
                node.getBoolean("outline", false), node.getBoolean("variables", false));
    }

    /** Returns at once; written on the preferences' thread. */
    void save() {
        PREFERENCES.execute(() -> {
            try {
                write(node());
            } catch (RuntimeException e) {
                System.err.println("Lessonbook: view settings not saved: " + e.getMessage());
            }
        });
    }

    void write(Preferences node) {
        node.putDouble("fontSize", fontSize);
        node.putBoolean("dark", dark);
        node.putBoolean("outline", outline);
        node.putBoolean("variables", variables);
    }

    private static Preferences node() {
        return Preferences.userRoot().node("lessonbook/view");
    }
}
