package lessonbook.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class FileErrorsTest {
    @Test
    void theFileTheMessageAlreadyNamesIsNotRepeated() {
        Path named = Path.of("lessons", "nowhere.md");

        assertThat(FileErrors.reason(new NoSuchFileException(named.toAbsolutePath().toString()), named))
                .isEqualTo("no such file or folder");
    }

    @Test
    void anotherFileIsNamedSinceTheMessageDoesNotSayIt() {
        Path named = Path.of("lessons", "a.md");

        assertThat(FileErrors.reason(new AccessDeniedException("lessons/.a.md.tmp"), named))
                .isEqualTo("permission denied (lessons/.a.md.tmp)");
        assertThat(FileErrors.reason(new AccessDeniedException("lessons/a.md")))
                .as("a message that names only the file's name gets the whole path")
                .isEqualTo("permission denied (lessons/a.md)");
    }
}
