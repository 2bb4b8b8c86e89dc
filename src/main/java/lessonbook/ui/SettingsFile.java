package lessonbook.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;

import lessonbook.process.ProcessFolders;

/**
 * A few of the user's settings (the view, the recent lessons), kept as a small UTF-8 properties file of its own in the
 * user's settings folder ({@link #folder()}), written whole each time it changed.
 * <p>
 * Why not {@code java.util.prefs}: its user root keeps a timer thread that writes what changed every 30 s, and the
 * first such write loads the JDK's XML transformer. In the window that cost 68-91 ms of CPU on the thread "Timer-0"
 * 30 s after opening, which in a class is the middle of the lesson's first worker cells (perf under Xvfb, the app's
 * share of the one-worker-per-input cell's CPU: 183 samples of 1 ms, half of them that write). A properties file
 * read and written on the caller's thread costs well under a millisecond and runs nothing of its own.
 * <p>
 * Bounds: a file over {@link #MAX_BYTES} or one that does not parse reads as empty (so the defaults), with a message
 * on stderr, and is moved aside as {@code NAME.unreadable} before the next write replaces it: nothing the user had is
 * lost. A write goes to a temporary file in the same folder, then moves over the old one, so a crash mid-write
 * leaves the last whole file.
 * <p>
 * Several readers and writers of one file (two windows' {@code RecentFiles}, or two running apps) stay consistent
 * as {@code java.util.prefs} kept them: before an operation, an instance with nothing unsaved reads the file again if
 * it changed on disk since this instance last read or wrote it.
 * <p>
 * Threads: not thread-safe; each instance is confined to one thread ({@link ViewSettings#PREFERENCES} in the app).
 */
final class SettingsFile {
    static final long MAX_BYTES = 64 * 1024;
    /** Where the settings are instead of {@link #folder()}'s default: tests, and a teacher's shared setup. */
    static final String FOLDER_PROPERTY = "lessonbook.settingsDir";

    private final Path file;
    private Properties values;   // read on first use
    /** The file's state ({@link #onDisk()}) when last read or written here; another writer changes it. */
    private Object seenOnDisk;
    private boolean unsaved;

    SettingsFile(Path file) {
        this.file = file;
    }

    /** The user's settings of this kind ("view", "recent"). */
    static SettingsFile forUser(String kind) {
        return new SettingsFile(folder().resolve(kind + ".properties"));
    }

    /**
     * The user's settings folder: {@code -Dlessonbook.settingsDir}, else where each desktop keeps an application's
     * settings ({@code %APPDATA%\Lessonbook}, {@code ~/Library/Application Support/Lessonbook},
     * {@code $XDG_CONFIG_HOME/lessonbook} or {@code ~/.config/lessonbook}).
     */
    static Path folder() {
        String chosen = System.getProperty(FOLDER_PROPERTY);
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        String appData = System.getenv("APPDATA");
        if (os.startsWith("windows") && appData != null && !appData.isBlank()) {
            return Path.of(appData, "Lessonbook");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Lessonbook");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve("lessonbook");
    }

    Path file() {
        return file;
    }

    String get(String key, String absent) {
        return values().getProperty(key, absent);
    }

    /** The value as a number; absent or not a number: {@code absent}. */
    double getDouble(String key, double absent) {
        String text = get(key, null);
        if (text == null) {
            return absent;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return absent;
        }
    }

    /** "true" or "false" (any case); anything else: {@code absent}. */
    boolean getBoolean(String key, boolean absent) {
        String text = get(key, "");
        return text.equalsIgnoreCase("true") || (!text.equalsIgnoreCase("false") && absent);
    }

    void put(String key, String value) {
        values().setProperty(key, value);
        unsaved = true;
    }

    void putDouble(String key, double value) {
        put(key, Double.toString(value));
    }

    void putBoolean(String key, boolean value) {
        put(key, Boolean.toString(value));
    }

    void remove(String key) {
        values().remove(key);
        unsaved = true;
    }

    /** Writes every value to the file. Throws {@link UncheckedIOException} where it cannot (a read-only home). */
    void save() {
        try {
            ProcessFolders.createPrivate(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
            try {
                try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                    values().store(out, "Lessonbook settings; written by the app, read back at its next start");
                }
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                seenOnDisk = onDisk();
                unsaved = false;
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private Properties values() {
        if (values == null || !unsaved) {
            Object now = onDisk();
            if (values == null || !now.equals(seenOnDisk)) {
                seenOnDisk = now;
                values = read();
            }
        }
        return values;
    }

    /**
     * What tells one version of the file from the next: its inode (a save moves a new file in), time of change and
     * size; "absent" if there is none.
     */
    private Object onDisk() {
        try {
            BasicFileAttributes seen = Files.readAttributes(file, BasicFileAttributes.class);
            return Arrays.asList(seen.fileKey(), seen.lastModifiedTime(), seen.size());
        } catch (IOException e) {
            return "absent";
        }
    }

    private Properties read() {
        Properties read = new Properties();
        try {
            if (Files.size(file) > MAX_BYTES) {
                return unreadable("it is larger than " + MAX_BYTES / 1024 + " KB");
            }
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                read.load(in);
            }
            return read;
        } catch (NoSuchFileException e) {
            return read;   // nothing kept yet: the defaults
        } catch (IOException | IllegalArgumentException e) {
            // not UTF-8, a malformed \\u escape; or unreadable, where moving it aside fails too and is said so
            return unreadable(e.getMessage());
        }
    }

    private Properties unreadable(String why) {
        Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            System.err.println("Lessonbook: settings in " + file + " not read (" + why + "); kept as " + aside
                    + ", the defaults used");
        } catch (IOException e) {
            System.err.println("Lessonbook: settings in " + file + " not read (" + why + "); the defaults used");
        }
        return new Properties();
    }
}
