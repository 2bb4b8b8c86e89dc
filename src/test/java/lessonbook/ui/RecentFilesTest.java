package lessonbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The recent lessons and the place each was left at, as the user's preferences keep them. */
class RecentFilesTest {
    private final Preferences node = Preferences.userRoot().node("lessonbook-test/recent-" + UUID.randomUUID());
    private final RecentFiles recent = new RecentFiles(node);

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

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
        node.put("place0", "not a place");
        assertThat(placeOf(lesson, 12)).as("a value edited by hand").isEmpty();
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
}
