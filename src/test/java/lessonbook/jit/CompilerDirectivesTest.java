package lessonbook.jit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** A directive reaches this JVM's compiler, and its file does not stay behind in the temp folder. */
class CompilerDirectivesTest {
    @Test
    void aDirectiveIsAddedAndItsFileRemoved() throws Exception {
        String directive = CompilerDirectives.c2Excluded(List.of("lessonbook/jit/NoSuchClass.*"));

        assertThat(CompilerDirectives.add(directive)).isTrue();

        Path root = Path.of(System.getProperty("java.io.tmpdir"), "lessonbook-jit-" + System.getProperty("user.name"));
        try (Stream<Path> left = Files.walk(root)) {
            assertThat(left.filter(p -> p.toString().contains(ProcessHandle.current().pid() + "-"))).isEmpty();
        }
    }

    @Test
    void aDirectiveTheCompilerRefusesIsFalseNotAnError() {
        assertThat(CompilerDirectives.add("[{ this is not json")).isFalse();
    }
}
