package lessonbook.ui;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The last few lessons opened or saved, most recent first, each with the place the teacher was at in it (the
 * selected cell), so that a lesson opens again where the last class stopped. Kept in the user's settings file
 * "recent" ({@link SettingsFile}): keys {@code file0..7} and {@code place0..7}.
 *
 * <p>Threads: called on the FX thread; the file is read and written on the preferences' thread, so that no disk
 * access sits between a lesson's opening and its first frame. One thread keeps the writes in order, and
 * {@link #list()} queues behind them, so it always sees the last {@link #remember}.
 */
final class RecentFiles {
    private static final int MAX = 8;
    private static final ExecutorService PREFERENCES = ViewSettings.PREFERENCES;
    private final SettingsFile settings;   // confined to the PREFERENCES thread

    RecentFiles(SettingsFile settings) {
        this.settings = settings;
    }

    static RecentFiles forUser() {
        return new RecentFiles(SettingsFile.forUser("recent"));
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

    /** Where a lesson was left: the selected cell's index, among how many cells the lesson had then. */
    record Place(int index, int cellCount) {
        private static Optional<Place> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            try {
                int slash = text.indexOf('/');
                return Optional.of(new Place(Integer.parseInt(text.substring(0, slash)),
                        Integer.parseInt(text.substring(slash + 1))));
            } catch (RuntimeException e) {
                return Optional.empty();   // edited by hand, or by another version: no place, nothing else lost
            }
        }

        private String text() {
            return index + "/" + cellCount;
        }
    }

    /** Places waiting to be written, by file: one write is queued per file however fast its selection moves. */
    private final java.util.Map<Path, Place> pendingPlaces = new java.util.concurrent.ConcurrentHashMap<>();

    /** Returns at once. Only a lesson among the recent files keeps its place (so at most {@value #MAX} are kept). */
    void rememberPlace(Path file, int index, int cellCount) {
        Path absolute = file.toAbsolutePath().normalize();
        if (pendingPlaces.put(absolute, new Place(index, cellCount)) != null) {
            return;   // a write for this file is queued, and takes the newest place when it runs
        }
        PREFERENCES.execute(() -> {
            Place newest = pendingPlaces.remove(absolute);
            try {
                int at = read().indexOf(absolute);
                if (at >= 0 && newest != null && !newest.text().equals(settings.get("place" + at, null))) {
                    settings.put("place" + at, newest.text());
                    settings.save();
                }
            } catch (RuntimeException e) {
                System.err.println("Lessonbook: place in the lesson not kept: " + e.getMessage());
            }
        });
    }

    /**
     * Where {@code file} was left, if it is a recent file with a place and still has {@code cellCount} cells (a
     * lesson changed elsewhere since may have moved its cells: it then opens at the top). Completes on the
     * preferences' thread, after every write asked for before.
     */
    CompletableFuture<Optional<Place>> placeOf(Path file, int cellCount) {
        Path absolute = file.toAbsolutePath().normalize();
        return CompletableFuture.supplyAsync(() -> {
            int at = read().indexOf(absolute);
            return at < 0 ? Optional.<Place>empty() : Place.parse(settings.get("place" + at, null))
                    .filter(p -> p.cellCount() == cellCount && p.index() >= 0 && p.index() < cellCount);
        }, PREFERENCES).exceptionally(e -> Optional.empty());
    }

    private void store(Path absolute) {
        List<Path> paths = read();
        List<String> places = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            places.add(settings.get("place" + i, null));
        }
        int was = paths.indexOf(absolute);
        String place = was >= 0 ? places.remove(was) : null;
        paths.remove(absolute);
        paths.add(0, absolute);
        places.add(0, place);
        for (int i = 0; i < MAX; i++) {
            if (i < paths.size()) {
                settings.put("file" + i, paths.get(i).toString());
            } else {
                settings.remove("file" + i);
            }
            if (i < places.size() && places.get(i) != null) {
                settings.put("place" + i, places.get(i));
            } else {
                settings.remove("place" + i);
            }
        }
        settings.save();
    }

    private List<Path> read() {
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String p = settings.get("file" + i, null);
            try {
                if (p != null) {
                    paths.add(Path.of(p));
                }
            } catch (InvalidPathException e) {
                // edited by hand, or written on another system: not a recent file here, the others still are
            }
        }
        return paths;
    }
}
