package lessonbook.format.md;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lessonbook.format.LessonFormatException;
import lessonbook.format.files.LessonFiles;
import lessonbook.model.Notebook;

class MalformedLessonTest {
    @TempDir
    Path dir;

    @Test
    void unclosedCodeFenceNamesTheLineWhereItOpened() throws Exception {
        LessonFormatException e = failure("unclosed.md", "# Title\n\n```java\nint x = 1;\n\nMore prose\n");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("unclosed.md:3:").contains("unclosed code cell").contains("```java");
    }

    @Test
    void unclosedOutputBlockAndProseFenceAreReportedToo() throws Exception {
        LessonFormatException output = failure("output.md", "```java\nx\n```\n~~~~output\nx ==> 1\n~~~\n");
        LessonFormatException prose = failure("prose.md", "Text\r\n\r\n\r\n````python\r\nprint()\r\n```\r\n");

        assertThat(output.getMessage()).contains("output.md:4:").contains("unclosed output block");
        assertThat(prose.getMessage()).contains("prose.md:4:").contains("unclosed fenced block");
    }

    @Test
    void badUtf8NamesTheLineOfTheFirstBadByte() throws Exception {
        byte[] head = "# Café\n\n```java\nString s = \"".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 5];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9; // Latin-1 é
        System.arraycopy("\";\n\n".getBytes(StandardCharsets.UTF_8), 0, bytes, head.length + 1, 4);
        Path file = dir.resolve("latin1.md");
        Files.write(file, bytes);

        LessonFormatException e = catchThrowableOfType(LessonFormatException.class, () -> LessonFiles.read(file));

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("latin1.md:4:").contains("not valid UTF-8").contains("0xE9")
                .contains("column 13");
    }

    @Test
    void binaryJunkIsRefusedWithItsLine() throws Exception {
        Path file = dir.resolve("image.md");
        Files.write(file, new byte[] {'#', ' ', 'x', '\n', (byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H'});

        LessonFormatException e = catchThrowableOfType(LessonFormatException.class, () -> LessonFiles.read(file));

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("image.md:2:").contains("binary data");
    }

    @Test
    void aHundredMegabytesAreRefusedBeforeReading() throws Exception {
        Path file = dir.resolve("huge.md");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(100L * 1024 * 1024); // sparse: reading it all would show as NUL bytes, not a size error
        }

        LessonFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> catchThrowableOfType(LessonFormatException.class, () -> LessonFiles.read(file)));

        assertThat(e.getMessage()).contains("huge.md").contains("100.0 MB").contains("larger than 48 MB");
    }

    @Tag("slow")
    @Test
    void aLargeValidLessonParsesWithoutHanging() throws Exception {
        Path file = dir.resolve("large.md");
        int cells = 0;
        try (Writer out = Files.newBufferedWriter(file)) {
            while (Files.size(file) < 9L * 1024 * 1024 && cells < 200_000) {
                out.write("Some prose for cell " + cells + " with `inline` code and ``` in the middle\n\n");
                out.write("```java\nSystem.out.println(" + cells + ");\n```\n```output\n" + cells + "\n```\n\n");
                cells++;
                if (cells % 1000 == 0) {
                    out.flush();
                }
            }
        }
        byte[] before = Files.readAllBytes(file);

        Notebook notebook = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> LessonFiles.read(file));
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> LessonFiles.write(file, notebook));

        assertThat(notebook.cells()).hasSize(2 * cells);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aSingleEnormousLineIsLinearToo() throws Exception {
        Path file = dir.resolve("line.md");
        Files.writeString(file, "x" + "`".repeat(2_000_000) + " [a] " + "|  ".repeat(500_000) + "\n"
                + "```java\n" + "[w ".repeat(500_000) + "\n```\n```output\n" + "|  Error at line ".repeat(50_000)
                + "\n```\n");

        Notebook notebook = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> LessonFiles.read(file));

        assertThat(notebook.cells()).hasSize(2);
    }

    @Test
    void anUnclosedEnormousFenceGivesAShortMessage() throws Exception {
        LessonFormatException e = failure("long.md", "`".repeat(100_000) + "java" + "x".repeat(100_000) + "\n");

        assertThat(e.getMessage()).hasSizeLessThan(400).contains("long.md:1:");
    }

    private LessonFormatException failure(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return catchThrowableOfType(LessonFormatException.class, () -> LessonFiles.read(file));
    }
}
