package lessonbook.workers.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a worker's task finds the snippets it can reach: the names its bytes spell, then the names in those
 * snippets' class files. The class files here are stand-ins holding the names their constant pools would; the
 * real ones, from cells in a kernel, are in {@code KernelWorkersTest}.
 */
class SnippetReachTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSnippetsNameIsTheWrapperOfItsClassesAndKeepsARedefinitionsLetter() {
        assertThat(SnippetReach.unitOf("REPL.$JShell$14")).isEqualTo("REPL.$JShell$14");
        assertThat(SnippetReach.unitOf("REPL.$JShell$14$Node")).isEqualTo("REPL.$JShell$14");
        assertThat(SnippetReach.unitOf("REPL.$JShell$23C")).isEqualTo("REPL.$JShell$23C");
        assertThat(SnippetReach.unitOf("REPL.$JShell$23C$Peek")).isEqualTo("REPL.$JShell$23C");
    }

    @Test
    void namesAreReadInBothSpellingsAndOnlyInsideTheReplPackage() {
        assertThat(SnippetReach.namedIn(bytes("\u0001\u0000\u000fREPL/$JShell$25\u0001LREPL/$JShell$14$Node;"
                + "REPL.$JShell$3B\u0000OTHER/$JShell$9 $JShell$8 REPL/$JShell$ REPL.$JShellX")))
                .containsExactlyInAnyOrder("REPL.$JShell$25", "REPL.$JShell$14", "REPL.$JShell$3B");
    }

    @Test
    void aTaskReachesWhatItsSnippetsCodeNamesInTurnAndNothingElse(@TempDir Path classes) throws IOException {
        Path repl = Files.createDirectories(classes.resolve("REPL"));
        // the task's cell calls a method of snippet 20, whose code reads the variable of snippet 14
        Files.write(repl.resolve("$JShell$30.class"), bytes("REPL/$JShell$30 REPL/$JShell$20"));
        Files.write(repl.resolve("$JShell$20.class"), bytes("REPL/$JShell$20 REPL/$JShell$14"));
        Files.write(repl.resolve("$JShell$14.class"), bytes("REPL/$JShell$14"));
        // a class of snippet 16, known to the task only through a copy of a variable, reads snippet 12's variable
        Files.write(repl.resolve("$JShell$16$Peek.class"), bytes("REPL/$JShell$16 REPL/$JShell$12"));
        Files.write(repl.resolve("$JShell$12.class"), bytes("REPL/$JShell$12"));
        Files.write(repl.resolve("$JShell$11.class"), bytes("REPL/$JShell$11"));
        Files.write(repl.resolve("$JShell$11B.class"), bytes("REPL/$JShell$11B"));
        WorkerHost host = hostWith(classes);

        SnippetReach reach = SnippetReach.ofTask(host, bytes("\u0001\u0000\u000fREPL/$JShell$30\u0000\u0010lambda$do_it$$0"));
        assertThat(reach.covers("REPL.$JShell$14")).isTrue();
        assertThat(reach.covers("REPL.$JShell$12")).isFalse();
        assertThat(reach.covers("REPL.$JShell$11")).isFalse();
        assertThat(reach.covers("userdemo.Vars")).as("not a snippet's: copied as before").isTrue();

        assertThat(reach.widenBy(bytes("sr\u0000\u0015REPL.$JShell$16$Peek"))).isTrue();
        assertThat(reach.covers("REPL.$JShell$12")).isTrue();
        assertThat(reach.widenBy(bytes("REPL.$JShell$16$Peek"))).as("nothing new").isFalse();

        // a serialized stream may follow a wrapper's name with a byte that reads as a letter: both snippets count
        assertThat(reach.widenBy(bytes("REPL.$JShell$11BQ"))).isTrue();
        assertThat(reach.covers("REPL.$JShell$11")).isTrue();
        assertThat(reach.covers("REPL.$JShell$11B")).isTrue();
    }

    @Test
    void aReachWhoseClassFilesCannotBeReadCoversEveryVariable(@TempDir Path classes) throws IOException {
        Path repl = Files.createDirectories(classes.resolve("REPL"));
        Files.createDirectory(repl.resolve("$JShell$30.class"));   // a folder where a class file should be
        WorkerHost host = hostWith(classes);
        SnippetReach reach = SnippetReach.ofTask(host, bytes("REPL/$JShell$30"));
        assertThat(reach.covers("REPL.$JShell$99")).isTrue();
    }

    @Test
    void aSerializedObjectOfAnotherClassNamesNoSnippet() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(List.of("REPL", 1, 2.0));
        }
        assertThat(SnippetReach.namedIn(bytes.toByteArray())).isEmpty();
    }

    /** A host whose snippet classes are in {@code classes}. */
    private static WorkerHost hostWith(Path classes) {
        return new StandaloneHost() {
            @Override
            public List<Path> userClasspath() {
                return List.of(classes);
            }
        };
    }

}
