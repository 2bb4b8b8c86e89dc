package lessonbook.ui.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalResourcesTest {

    @TempDir
    Path lesson;

    @Test
    void onlyExistingLocalFilesAreImages() throws IOException {
        Files.createDirectories(lesson.resolve("assets"));
        Path picture = Files.writeString(lesson.resolve("assets/my chart.png"), "not really a png");
        assertThat(LocalResources.localImage(lesson, "assets/my chart.png")).contains(picture);
        assertThat(LocalResources.localImage(lesson, "assets/my%20chart.png")).contains(picture);
        assertThat(LocalResources.localImage(lesson, picture.toUri().toString())).contains(picture);
        assertThat(LocalResources.localImage(lesson, "assets/absent.png")).isEmpty();
        assertThat(LocalResources.localImage(lesson, "https://example.org/assets/my chart.png")).isEmpty();
        assertThat(LocalResources.localImage(lesson, "http://127.0.0.1/x.png")).isEmpty();
        assertThat(LocalResources.localImage(lesson, "data:image/png;base64,iVBORw0KGgo=")).isEmpty();
        assertThat(LocalResources.localImage(null, "assets/my chart.png")).isEmpty();
        // network shares never reach the file system (on Windows, asking whether they exist goes to the network)
        assertThat(LocalResources.localImage(lesson, "//host/share/x.png")).isEmpty();
        assertThat(LocalResources.localImage(lesson, "\\\\host\\share\\x.png")).isEmpty();
        assertThat(LocalResources.localImage(lesson, "file://host/share/x.png")).isEmpty();
    }

    @Test
    void onlyHttpHttpsAndMailtoLinksOpen() {
        assertThat(LocalResources.opens("https://openjdk.org")).isTrue();
        assertThat(LocalResources.opens("HTTP://openjdk.org")).isTrue();
        assertThat(LocalResources.opens("mailto:a@example.org")).isTrue();
        assertThat(LocalResources.opens("javascript:alert(1)")).isFalse();
        assertThat(LocalResources.opens("file:///tmp/run.sh")).isFalse();
        assertThat(LocalResources.opens(LocalResources.resolveLink(lesson, "run.sh"))).isFalse();
        assertThat(LocalResources.opens("#imports")).isFalse();
        assertThat(LocalResources.opens(null)).isFalse();
    }

    @Test
    void relativeLinksResolveAgainstTheLessonFolderOthersPassThrough() {
        assertThat(LocalResources.resolveLink(lesson, "https://openjdk.org")).isEqualTo("https://openjdk.org");
        assertThat(LocalResources.resolveLink(lesson, "#imports")).isEqualTo("#imports");
        assertThat(LocalResources.resolveLink(lesson, "more.md")).isEqualTo(lesson.resolve("more.md").toUri().toString());
        assertThat(LocalResources.schemeOf("C:\\lessons\\a.png")).isNull();
        assertThat(LocalResources.schemeOf("HTTPS://x")).isEqualTo("https");
    }
}
