package lessonbook.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lessonbook.format.files.LessonFiles;
import lessonbook.testkit.Await;
import lessonbook.testkit.TestJvm;

class AtomicFileWriterTest {
    private static final String LESSON = "# A lesson\n\n```java\nint x = 1;\n```\n";

    @TempDir
    Path dir;

    @Test
    void aNewFileIsReadableLikeItsFolderNotPrivateLikeATempFile() throws Exception {
        Path open = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        AtomicFileWriter.write(open.resolve("page.html"), "<p>hi</p>".getBytes(StandardCharsets.UTF_8));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(open.resolve("page.html"))))
                .isEqualTo("rw-r--r--");

        Path closed = Files.createDirectory(dir.resolve("private"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        AtomicFileWriter.write(closed.resolve("lesson.md"), "# Mine".getBytes(StandardCharsets.UTF_8));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(closed.resolve("lesson.md"))))
                .isEqualTo("rw-------");
    }

    @Test
    void replacesTheFileAndLeavesNoTempFile() throws Exception {
        Path file = dir.resolve("lesson.md");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        AtomicFileWriter.write(file, "new content".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(file)).isEqualTo("new content");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        assertThat(listing()).containsExactly("lesson.md");
    }

    @Test
    void createsANewFileAndItsFolder() throws Exception {
        Path file = dir.resolve("sub/new.md");

        AtomicFileWriter.write(file, LESSON.getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(file)).isEqualTo(LESSON);
    }

    @Test
    void killingTheJvmBetweenWriteAndMoveLeavesTheOldFileIntact() throws Exception {
        Path file = dir.resolve("lesson.md");
        Files.writeString(file, LESSON);
        Path signal = dir.resolve("paused.signal");

        Process child = childSave(file, signal);
        try {
            awaitFile(signal, child, 30_000);
            assertThat(listing()).anyMatch(name -> name.startsWith(".lesson.md.") && name.endsWith(".saving"));
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(Files.readString(file)).isEqualTo(LESSON);
        assertThat(LessonFiles.read(file).cells()).hasSize(2);

        // the next save, an hour later, tidies up the temp file the killed one left
        for (String name : listing()) {
            Files.setLastModifiedTime(dir.resolve(name), java.nio.file.attribute.FileTime.fromMillis(
                    System.currentTimeMillis() - 2 * 3600_000L));
        }
        LessonFiles.write(file, LessonFiles.read(file));
        assertThat(listing()).containsExactly("lesson.md");
        assertThat(Files.readString(file)).isEqualTo(LESSON);
    }

    @Test
    void savingThroughASymbolicLinkKeepsTheLink() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real")).resolve("lesson.md");
        Files.writeString(real, "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.md"), real);

        AtomicFileWriter.write(link, LESSON.getBytes(StandardCharsets.UTF_8));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo(LESSON);
    }

    @Test
    void aSymbolicLinkAnotherUserPlantedIsNotSavedThrough() throws Exception {
        Path victim = Files.createDirectory(dir.resolve("home")).resolve(".bashrc");
        Files.writeString(victim, "mine\n");
        Path planted = Files.createSymbolicLink(dir.resolve("lesson.md"), victim);
        java.nio.file.attribute.UserPrincipal other;
        try {
            other = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.getFileAttributeView(planted, java.nio.file.attribute.FileOwnerAttributeView.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS).setOwner(other);
        } catch (IOException | UnsupportedOperationException cannotChown) {
            org.junit.jupiter.api.Assumptions.abort("giving a link to another user needs root: " + cannotChown);
            return;
        }

        assertThatThrownBy(() -> AtomicFileWriter.write(planted, LESSON.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageContaining("symbolic link owned by nobody");
        assertThat(Files.readString(victim)).isEqualTo("mine\n");
        assertThat(Files.isSymbolicLink(planted)).isTrue();
    }

    @Test
    void openingRemovesAKilledSavesLeftoversOnceAMinuteOldButNotAFreshOne() throws Exception {
        Path file = Files.writeString(dir.resolve("lesson.md"), LESSON);
        Path old = Files.writeString(dir.resolve(".lesson.md.123.saving"), "half");
        Path fresh = Files.writeString(dir.resolve(".lesson.md.456.saving"), "being written");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - 2 * 60_000L));

        AtomicFileWriter.removeLeftovers(file);

        assertThat(old).doesNotExist();
        assertThat(fresh).exists();
        assertThat(file).hasContent(LESSON);
    }

    @Test
    void aNameWithPatternCharactersSavesAndAFolderIsRefused() throws Exception {
        Path odd = dir.resolve("a[1]{b,c}.md");

        AtomicFileWriter.write(odd, LESSON.getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(odd)).isEqualTo(LESSON);
        assertThatThrownBy(() -> AtomicFileWriter.write(dir, new byte[0])).isInstanceOf(IOException.class)
                .hasMessageContaining("is a folder");
    }

    @Test
    void theSameChildSaveWithoutThePauseReplacesTheFile() throws Exception {
        Path file = dir.resolve("lesson.md");
        Files.writeString(file, LESSON);

        Process child = childSave(file, null);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
        assertThat(Files.readString(file)).isEqualTo(LESSON + "\n```java\nSystem.out.println(\"saved by the child\");\n```\n");
        assertThat(listing()).containsExactly("lesson.md");
    }

    private Process childSave(Path file, Path signal) throws Exception {
        List<String> options = signal == null ? List.of("-Xshare:auto")
                : List.of("-Xshare:auto", "-D" + AtomicFileWriter.PAUSE_BEFORE_MOVE_PROPERTY + "=" + signal);
        return TestJvm.running(options, SaveInChildJvm.class, file.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
    }

    /** Waits for the child to signal; fails early if it exits instead. */
    private void awaitFile(Path signal, Process child, long timeoutMillis) {
        Await.until("the child to reach the pause", Duration.ofMillis(timeoutMillis), () -> {
            if (!Files.exists(signal) && !child.isAlive()) {
                throw new AssertionError("child exited " + child.exitValue() + ": "
                        + Files.readString(dir.resolve("child.log")));
            }
            return Files.exists(signal);
        });
    }

    private List<String> listing() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("child.log") && !n.endsWith(".signal") && !n.equals("real")
                            && !n.equals("link.md")).sorted().toList();
        }
    }
}
