package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recent lessons and the place each was left at, as the user's settings file keeps them. */
class RecentFilesTest {
    @TempDir
    static Path folder;
    private final Path file = folder.resolve("recent-" + System.nanoTime() + ".properties");
    private final RecentFiles recent = new RecentFiles(new SettingsFile(file));

    private Optional<RecentFiles.Place> placeOf(Path file, int cells) {
        return recent.placeOf(file, cells).join();
    }

    @Test
    void aRecentLessonKeepsItsPlaceWhileItMovesInTheList() {
        Path first = Path.of("/lessons/first.md");
        Path second = Path.of("/lessons/second.md");
        recent.remember(first);
        recent.rememberPlace(first, 5, 20);
        recent.rememberPlace(first, 6, 20);   // the newest place wins

        assertThat(placeOf(first, 20)).contains(new RecentFiles.Place(6, 20));
        recent.remember(second);
        recent.remember(first);
        recent.remember(second);
        assertThat(recent.list()).containsExactly(second.toAbsolutePath(), first.toAbsolutePath());
        assertThat(placeOf(first, 20)).as("moved with its file").contains(new RecentFiles.Place(6, 20));
        assertThat(placeOf(second, 20)).isEmpty();
    }

    @Test
    void aLessonWithAnotherNumberOfCellsOrNotRecentOpensAtTheTop() {
        Path lesson = Path.of("/lessons/changed.md");
        recent.remember(lesson);
        recent.rememberPlace(lesson, 9, 12);
        recent.rememberPlace(Path.of("/lessons/never-opened.md"), 3, 5);

        assertThat(placeOf(lesson, 13)).isEmpty();
        assertThat(placeOf(Path.of("/lessons/never-opened.md"), 5)).isEmpty();
        RecentFiles editedByHand = new RecentFiles(new SettingsFile(file));
        assertThat(editedByHand.placeOf(lesson, 12).join()).contains(new RecentFiles.Place(9, 12));
        SettingsFile settings = new SettingsFile(file);
        settings.put("place0", "not a place");
        settings.save();
        assertThat(new RecentFiles(new SettingsFile(file)).placeOf(lesson, 12).join()).as("a value edited by hand")
                .isEmpty();
    }

    @Test
    void onlyTheLastFewLessonsAreKept() {
        for (int i = 0; i < 12; i++) {
            recent.remember(Path.of("/lessons/l" + i + ".md"));
            recent.rememberPlace(Path.of("/lessons/l" + i + ".md"), i, 50);
        }
        assertThat(recent.list()).hasSize(8).first().isEqualTo(Path.of("/lessons/l11.md"));
        assertThat(placeOf(Path.of("/lessons/l4.md"), 50)).contains(new RecentFiles.Place(4, 50));
        assertThat(placeOf(Path.of("/lessons/l3.md"), 50)).isEmpty();
    }

    @Test
    void theListAndPlacesAreThereAgainAtTheNextStart() {
        Path lesson = Path.of("/lessons/kept.md");
        recent.remember(lesson);
        recent.rememberPlace(lesson, 4, 10);
        recent.list();   // waits for the writes

        RecentFiles nextStart = new RecentFiles(new SettingsFile(file));

        assertThat(nextStart.list()).containsExactly(lesson.toAbsolutePath());
        assertThat(nextStart.placeOf(lesson, 10).join()).contains(new RecentFiles.Place(4, 10));
    }
}
