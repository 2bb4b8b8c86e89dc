package lessonbook.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * How the teacher last set the window up: zoom, theme and the side columns, so that a projector's 150 % and the
 * dark theme are there again at the next lesson. Kept in the user's settings file "view" ({@link SettingsFile}).
 * The first read touches the disk, so it happens on a thread of its own while JavaFX starts
 * ({@link #readAhead()}, from {@code DesktopLauncher.prepare}), and writes happen there too; a window that was
 * not started by the launcher (tests, probes) neither reads nor writes them. Values out of range read as the
 * defaults; unreadable settings leave the defaults, and unwritable ones (a read-only home) lose nothing else.
 */
record ViewSettings(double fontSize, boolean dark, boolean outline, boolean variables) {
    static final ViewSettings DEFAULT = new ViewSettings(Appearance.BASE_FONT, false, false, false);
    /** The user's "view" settings: one instance, used on the preferences' thread only; naming the file reads nothing. */
    private static final SettingsFile USER_VIEW = SettingsFile.forUser("view");

    /** One thread for the user's settings files, shared with {@link RecentFiles}: no disk access on the FX thread. */
    static final ExecutorService PREFERENCES = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "lessonbook-preferences");
        t.setDaemon(true);
        return t;
    });

    static CompletableFuture<ViewSettings> readAhead() {
        return CompletableFuture.supplyAsync(() -> read(USER_VIEW), PREFERENCES)
                .exceptionally(unreadable -> DEFAULT);
    }

    static ViewSettings read(SettingsFile settings) {
        double font = settings.getDouble("fontSize", DEFAULT.fontSize());
        return new ViewSettings(Appearance.fitsFont(font) ? font : DEFAULT.fontSize(), settings.getBoolean("dark", false),
                settings.getBoolean("outline", false), settings.getBoolean("variables", false));
    }

    /** Returns at once; written on the preferences' thread. */
    void save() {
        PREFERENCES.execute(() -> {
            try {
                write(USER_VIEW);
            } catch (RuntimeException e) {
                System.err.println("Lessonbook: view settings not saved: " + e.getMessage());   // the window goes on
            }
        });
    }

    void write(SettingsFile settings) {
        settings.putDouble("fontSize", fontSize);
        settings.putBoolean("dark", dark);
        settings.putBoolean("outline", outline);
        settings.putBoolean("variables", variables);
        settings.save();
    }
}
