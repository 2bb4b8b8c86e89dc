package lessonbook.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.prefs.Preferences;

/**
 * The last few lessons opened or saved, most recent first, kept in the user's preferences.
 *
 * <p>Threads: called on the FX thread; the preferences are read and written on one thread of their own. The
 * JDK keeps them in XML files, and the first touch loads and parses them (about 200 classes, 100-200 ms), which
 * would otherwise sit between a lesson's opening and its first frame. One thread keeps the writes in order, and
 * {@link #list()} queues behind them, so it always sees the last {@link #remember}.
 */
final class RecentFiles {
    private static final int MAX = 8;
    private static final ExecutorService PREFERENCES = ViewSettings.PREFERENCES;
    private final Supplier<Preferences> node;
    private Preferences loaded;   // confined to the PREFERENCES thread

    RecentFiles(Preferences node) {
        this(() -> node);
    }

    private RecentFiles(Supplier<Preferences> node) {
        this.node = node;
    }

    static RecentFiles forUser() {
        return new RecentFiles(() -> Preferences.userRoot().node("lessonbook/recent"));
    }

    /** Blocks until the writes asked for before are done (short once the preferences are loaded). */
    List<Path> list() {
        try {
            return CompletableFuture.supplyAsync(this::read, PREFERENCES).join();
        } catch (RuntimeException e) {
            return List.of();   // unreadable preferences (a read-only home): no recent files, nothing else lost
        }
    }

    /** Returns at once; the preferences are updated in the background. */
    void remember(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        PREFERENCES.execute(() -> {
            try {
                store(absolute);
            } catch (RuntimeException e) {
                System.err.println("Lessonbook: recent files not updated: " + e.getMessage());
            }
        });
    }

    private void store(Path absolute) {
        List<Path> paths = read();
        paths.remove(absolute);
        paths.add(0, absolute);
        Preferences prefs = prefs();
        for (int i = 0; i < MAX; i++) {
            if (i < paths.size()) {
                prefs.put("file" + i, paths.get(i).toString());
            } else {
                prefs.remove("file" + i);
            }
        }
    }

    private List<Path> read() {
        List<Path> paths = new ArrayList<>();
        Preferences prefs = prefs();
        for (int i = 0; i < MAX; i++) {
            String p = prefs.get("file" + i, null);
            if (p != null) {
                paths.add(Path.of(p));
            }
        }
        return paths;
    }

    private Preferences prefs() {
        if (loaded == null) {
            loaded = node.get();
        }
        return loaded;
    }
}
