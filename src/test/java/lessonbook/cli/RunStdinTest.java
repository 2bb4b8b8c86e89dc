package lessonbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lessonbook run} on a lesson whose cells read System.in, as an intro course's do: the lines come from
 * {@code --stdin FILE} or the command's own stdin, are echoed into the output as a terminal shows them, and at
 * the end of the input a cell reads end of input instead of waiting.
 */
class RunStdinTest {
    private static final String ASKS_TWICE = cell("""
            Scanner in = new Scanner(System.in);
            System.out.print("Your name? ");
            String name = in.nextLine();
            System.out.print("Your age? ");
            int age = Integer.parseInt(in.nextLine());
            System.out.println(name + " is " + age);""");

    @TempDir
    Path dir;

    @Test
    void stdinOptionFeedsTheCellsReadsAndTheSavedLessonShowsTheDialogue() throws Exception {
        Path file = write("ask.md", "# Who\n\n" + ASKS_TWICE);
        Path input = write("answers.txt", "Ada\n36\n");
        Path saved = dir.resolve("saved.md");

        LessonbookCli.Run run = LessonbookCli.run(dir, "run", file.toString(), "--stdin", input.toString(),
                "--output", saved.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("[1]\nYour name? Ada\nYour age? 36\nAda is 36\n");
        assertThat(Files.readString(saved)).contains("```output\nYour name? Ada\nYour age? 36\nAda is 36\n```");
    }

    @Test
    void withoutTheOptionTheCellsReadTheCommandsOwnStdinToItsEnd() throws Exception {
        Path file = write("lines.md", ASKS_TWICE + cell("""
                while (in.hasNextLine()) {
                    System.out.println("got " + in.nextLine());
                }
                System.out.println("end of input");"""));
        Path input = write("piped.txt", "Grace\r\n85\nfirst\nlast");
        Path saved = dir.resolve("saved.md");

        LessonbookCli.Run run = LessonbookCli.runWithStdin(dir, input, "run", file.toString(), "--output",
                saved.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(Files.readString(saved))
                .contains("```output\nYour name? Grace\nYour age? 85\nGrace is 85\n```")
                .contains("```output\nfirst\ngot first\nlast\ngot last\nend of input\n```");
    }

    @Test
    void aCellReadingAtTheEndOfTheInputFailsAsScannerDoesInsteadOfWaiting() throws Exception {
        Path file = write("eof.md", ASKS_TWICE);

        LessonbookCli.Run run = LessonbookCli.run(dir, "run", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).contains("Your name? ").contains("java.util.NoSuchElementException: No line found");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String cell(String code) {
        return "```java\n" + code + "\n```\n\n";
    }
}
