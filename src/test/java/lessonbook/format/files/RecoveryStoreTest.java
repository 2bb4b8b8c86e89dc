package lessonbook.format.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lessonbook.model.Cell;
import lessonbook.model.CodeCell;
import lessonbook.model.Notebook;

class RecoveryStoreTest {
    private static final String LESSON = "# Lesson\n\n```java\nint x = 1;\n```\n";

    @TempDir
    Path dir;

    @Test
    void afterACrashReopeningOffersTheUnsavedEdits() throws Exception {
        Path file = lesson("lesson.md");
        RecoveryStore store = new RecoveryStore(dir.resolve("user"));
        Notebook edited = withExtraCell(LessonFiles.read(file));

        store.save(file, edited); // the app autosaved, then died: nothing else happens
        Notebook recovered = new RecoveryStore(dir.resolve("user")).recover(file).orElseThrow();

        assertThat(recovered.cells()).extracting(Cell::source)
                .containsExactly("# Lesson", "int x = 1;", "System.out.println(\"unsaved\");");
        assertThat(Files.readString(file)).isEqualTo(LESSON);
        assertThat(Files.exists(dir.resolve(".lesson.md.lbrecover"))).isTrue();
    }

    @Test
    void aCleanSaveDiscardsTheRecoveryFile() throws Exception {
        Path file = lesson("lesson.md");
        RecoveryStore store = new RecoveryStore(dir.resolve("user"));
        Notebook edited = withExtraCell(LessonFiles.read(file));
        store.save(file, edited);

        LessonFiles.write(file, edited);
        store.discard(file);

        assertThat(store.recover(file)).isEmpty();
        assertThat(Files.exists(dir.resolve(".lesson.md.lbrecover"))).isFalse();
    }

    @Test
    void aNotebookTooLargeToOpenAgainIsNotWrittenAndTheEarlierRecoveryStays() throws Exception {
        Path file = lesson("lesson.md");
        RecoveryStore store = new RecoveryStore(dir.resolve("user"));
        Notebook edited = withExtraCell(LessonFiles.read(file));
        store.save(file, edited);
        long limit = Files.size(dir.resolve(".lesson.md.lbrecover")) + 100;
        Notebook grown = withExtraCell(edited.withCells(List.of(new CodeCell("big", "// pasted ".repeat(50)))));

        assertThatThrownBy(() -> store.save(file, grown, limit))
                .isInstanceOf(IOException.class).hasMessageContaining("so it was not saved");

        assertThat(store.recover(file)).as("the last recovery file that can be opened again")
                .hasValueSatisfying(n -> assertThat(n.cells()).extracting(Cell::source)
                        .containsExactly("# Lesson", "int x = 1;", "System.out.println(\"unsaved\");"));
    }

    @Test
    void aRecoveryFileOlderThanTheLessonIsNotOffered() throws Exception {
        Path file = lesson("lesson.md");
        RecoveryStore store = new RecoveryStore(dir.resolve("user"));
        store.save(file, withExtraCell(LessonFiles.read(file)));
        Files.setLastModifiedTime(dir.resolve(".lesson.md.lbrecover"), FileTime.from(Instant.now().minusSeconds(60)));

        assertThat(store.recover(file)).isEmpty();
    }

    @Test
    void aReadOnlyFolderSendsTheRecoveryFileToTheUserFolder() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("installed"));
        Path file = folder.resolve("lesson.ipynb");
        LessonFiles.write(file, new Notebook(List.of(new CodeCell("c1", "int x = 1;"))));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(folder), "running as a user who can write anywhere");
            RecoveryStore store = new RecoveryStore(dir.resolve("user"));

            store.save(file, withExtraCell(LessonFiles.read(file)));

            assertThat(store.recover(file)).hasValueSatisfying(n -> assertThat(n.cells()).hasSize(2));
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void userFolderRecoveryIsUsedWhenTheFolderIsNotWritable() throws Exception {
        Path file = lesson("lesson.md");
        RecoveryStore store = new RecoveryStore(dir.resolve("user"));
        Path userCopy = store.inUserFolder(file);
        Files.createDirectories(userCopy.getParent());
        Files.writeString(userCopy, LESSON + "\nRecovered prose.\n");

        assertThat(store.recover(file)).hasValueSatisfying(n ->
                assertThat(n.cells().get(n.cells().size() - 1).source()).isEqualTo("Recovered prose."));
    }

    @Test
    void autosaveWritesUnsavedEditsOnItsOwn() throws Exception {
        Path file = lesson("lesson.md");
        RecoveryStore store = new RecoveryStore(dir.resolve("user"));
        Notebook edited = withExtraCell(LessonFiles.read(file));
        CountDownLatch asked = new CountDownLatch(2);
        AtomicReference<Notebook> unsaved = new AtomicReference<>(edited);

        try (AutoCloseable autosave = store.autosave(file, () -> {
            asked.countDown();
            return unsaved.get();
        }, 1)) {
            assertThat(asked.await(20, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(store.recover(file)).hasValueSatisfying(n -> assertThat(n.cells()).hasSize(3));
    }

    private Path lesson(String name) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, LESSON);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(5)));
        return file;
    }

    private static Notebook withExtraCell(Notebook notebook) {
        List<Cell> cells = new java.util.ArrayList<>(notebook.cells());
        cells.add(new CodeCell("added", "System.out.println(\"unsaved\");"));
        return notebook.withCells(cells);
    }
}
