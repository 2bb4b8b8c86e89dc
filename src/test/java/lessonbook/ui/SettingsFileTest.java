package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user's settings as the file on disk keeps them: what is written reads back, and a bad file loses nothing. */
class SettingsFileTest {
    @TempDir
    Path folder;

    @Test
    void everyValueWrittenReadsBackFromTheFile() {
        Path file = folder.resolve("kept").resolve("recent.properties");
        String path = "C:\\Users\\Zoë\\Lessons\\# week 1 = intro: ünïcödé 日本語.md";
        SettingsFile settings = new SettingsFile(file);
        settings.put("file0", path);
        settings.put("odd key = with: colon", "  leading spaces\nand a second line\t");
        settings.putDouble("fontSize", 21.5);
        settings.putBoolean("dark", true);
        settings.put("removed", "x");
        settings.remove("removed");

        settings.save();
        SettingsFile read = new SettingsFile(file);

        assertThat(read.get("file0", null)).isEqualTo(path);
        assertThat(read.get("odd key = with: colon", null)).isEqualTo("  leading spaces\nand a second line\t");
        assertThat(read.getDouble("fontSize", 0)).isEqualTo(21.5);
        assertThat(read.getBoolean("dark", false)).isTrue();
        assertThat(read.get("removed", "absent")).isEqualTo("absent");
        assertThat(file.resolveSibling("recent.properties.unreadable")).doesNotExist();
        try (var left = Files.list(file.getParent())) {
            assertThat(left).as("no temp file left behind").containsExactly(file);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void twoWritersOfOneFileEachSeeWhatTheOtherWrote() {
        Path file = folder.resolve("recent.properties");
        SettingsFile firstWindow = new SettingsFile(file);
        SettingsFile secondWindow = new SettingsFile(file);
        assertThat(firstWindow.get("file0", "none")).isEqualTo("none");
        assertThat(secondWindow.get("file0", "none")).isEqualTo("none");

        secondWindow.put("file0", "/lessons/b.md");
        secondWindow.save();
        assertThat(firstWindow.get("file0", null)).as("read again: the file changed").isEqualTo("/lessons/b.md");
        firstWindow.put("file1", "/lessons/a.md");
        firstWindow.save();

        assertThat(secondWindow.get("file0", null)).isEqualTo("/lessons/b.md");
        assertThat(secondWindow.get("file1", null)).as("not lost to the other's older copy").isEqualTo("/lessons/a.md");
        assertThat(new SettingsFile(file).get("file1", null)).isEqualTo("/lessons/a.md");
    }

    @Test
    void valuesThatAreNotNumbersOrBooleansReadAsTheDefault() {
        SettingsFile settings = new SettingsFile(folder.resolve("view.properties"));
        settings.put("fontSize", "huge");
        settings.put("dark", "yes");

        assertThat(settings.getDouble("fontSize", 13)).isEqualTo(13);
        assertThat(settings.getBoolean("dark", false)).isFalse();
        assertThat(settings.getBoolean("dark", true)).isTrue();
        assertThat(settings.getBoolean("absent", true)).isTrue();
    }

    @Test
    void aFileTooLargeReadsAsTheDefaultsAndIsKeptAsideNotOverwritten() throws Exception {
        Path file = folder.resolve("recent.properties");
        byte[] big = ("file0=" + "x".repeat((int) SettingsFile.MAX_BYTES) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.write(file, big);

        String said = stderrOf(() -> new SettingsFile(file).get("file0", "default"));

        assertThat(said).contains("Lessonbook: settings in " + file).contains("larger than 64 KB")
                .contains("recent.properties.unreadable");
        Path aside = folder.resolve("recent.properties.unreadable");
        assertThat(aside).hasBinaryContent(big);
        SettingsFile fresh = new SettingsFile(file);
        fresh.put("file0", "/lessons/a.md");
        fresh.save();
        assertThat(new SettingsFile(file).get("file0", null)).isEqualTo("/lessons/a.md");
        assertThat(aside).as("the next write leaves what was set aside").hasBinaryContent(big);
    }

    @Test
    void aFileThatIsNotUtf8OrHasABadEscapeReadsAsTheDefaults() throws Exception {
        Path notText = folder.resolve("view.properties");
        Files.write(notText, new byte[] {'d', 'a', 'r', 'k', '=', (byte) 0xff, (byte) 0xfe, 0, '\n'});
        Path badEscape = folder.resolve("recent.properties");
        Files.writeString(badEscape, "file0=/lessons/\\uZZZZ.md\n");

        assertThat(stderrOf(() -> new SettingsFile(notText).get("dark", "default"))).contains("not read");
        assertThat(stderrOf(() -> new SettingsFile(badEscape).get("file0", "default"))).contains("not read");

        assertThat(new SettingsFile(notText).getBoolean("dark", false)).isFalse();
        assertThat(folder.resolve("view.properties.unreadable")).exists();
        assertThat(folder.resolve("recent.properties.unreadable")).hasContent("file0=/lessons/\\uZZZZ.md");
    }

    @Test
    void theFolderIsMadeForThisUserAlone() {
        Path file = folder.resolve("config").resolve("lessonbook").resolve("view.properties");
        SettingsFile settings = new SettingsFile(file);
        settings.putBoolean("dark", true);

        settings.save();

        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(permissions(file.getParent()))).isEqualTo("rwx------");
        }
    }

    @Test
    void aFolderThatCannotBeMadeSaysWhereWhenSaving() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("taken"), "a file where the folder would go");
        SettingsFile settings = new SettingsFile(notAFolder.resolve("view.properties"));
        settings.putBoolean("dark", true);

        assertThatThrownBy(settings::save).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot write " + notAFolder.resolve("view.properties"));
        assertThat(settings.getBoolean("dark", false)).as("kept in memory for this session").isTrue();
    }

    @Test
    void theFolderIsTheOneChosenOrTheDesktopsOwn() {
        String was = System.getProperty(SettingsFile.FOLDER_PROPERTY);
        try {
            System.setProperty(SettingsFile.FOLDER_PROPERTY, folder.toString());
            assertThat(SettingsFile.forUser("view").file()).isEqualTo(folder.resolve("view.properties"));
            System.clearProperty(SettingsFile.FOLDER_PROPERTY);
            assertThat(SettingsFile.folder()).isAbsolute();
            assertThat(SettingsFile.folder().getFileName().toString()).isIn("lessonbook", "Lessonbook");
        } finally {
            if (was == null) {
                System.clearProperty(SettingsFile.FOLDER_PROPERTY);
            } else {
                System.setProperty(SettingsFile.FOLDER_PROPERTY, was);
            }
        }
    }

    private static java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions(Path path) {
        try {
            return Files.getPosixFilePermissions(path);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code read} printed on stderr; stderr is this JVM's, so the tests of this class do not run at once. */
    private static String stderrOf(Supplier<?> read) {
        PrintStream was = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            read.get();
        } finally {
            System.setErr(was);
        }
        return said.toString(StandardCharsets.UTF_8);
    }
}
