package lessonbook.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The last few lessons opened or saved, most recent first, kept in the user's preferences. */
final class RecentFiles {
    private static final int MAX = 8;
    private final Preferences node;

    RecentFiles(Preferences node) {
        this.node = node;
    }

    static RecentFiles forUser() {
        return new RecentFiles(Preferences.userRoot().node("lessonbook/recent"));
    }

    List<Path> list() {
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String p = node.get("file" + i, null);
            if (p != null) {
                paths.add(Path.of(p));
            }
        }
        return paths;
    }

    void remember(Path file) {
        List<Path> paths = list();
        Path absolute = file.toAbsolutePath().normalize();
        paths.remove(absolute);
        paths.add(0, absolute);
        for (int i = 0; i < MAX; i++) {
            if (i < paths.size()) {
                node.put("file" + i, paths.get(i).toString());
            } else {
                node.remove("file" + i);
            }
        }
    }
}
