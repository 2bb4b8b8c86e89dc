package lessonbook.format.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lessonbook.format.files.Exporter;
import lessonbook.format.files.LessonFiles;
import lessonbook.model.CodeCell;
import lessonbook.model.MarkdownCell;
import lessonbook.model.Notebook;
import lessonbook.model.Output;
import lessonbook.model.StreamName;

class HtmlExporterTest {
    private static final String SCRIPT = "<script>alert('x')</script>";
    private static final Pattern JAVASCRIPT_URL = Pattern.compile("(?i)(href|src)\\s*=\\s*\"?\\s*javascript:");
    private static final Pattern EVENT_HANDLER = Pattern.compile("(?i)<[^>]*\\son[a-z]+\\s*=");

    @TempDir
    Path dir;

    @Test
    void nothingFromTheNotebookCanPutAScriptIntoThePage() {
        Notebook notebook = new Notebook(List.of(
                new MarkdownCell("m1", "# Title " + SCRIPT + "\n\n" + SCRIPT + "\n\n<img src=x onerror=alert(1)>\n\n"
                        + "[click](javascript:alert(1)) ![img](javascript:alert(2)) <a href=\"javascript:x\">a</a>"),
                new CodeCell("c1", "String s = \"" + SCRIPT + "\"; // " + SCRIPT + "\n/* </code></pre>" + SCRIPT + " */",
                        List.of(new Output.Stream(StreamName.STDOUT, SCRIPT + "\n"),
                                new Output.Value("s", "String", "\"" + SCRIPT + "\""),
                                new Output.Error(SCRIPT, SCRIPT, List.of(SCRIPT)),
                                new Output.WorkerLine("w" + SCRIPT, 1, StreamName.STDERR, SCRIPT),
                                new Output.Table(SCRIPT, List.of(SCRIPT), List.of(List.of(SCRIPT))),
                                new Output.Chart(Output.Chart.Kind.BAR, SCRIPT, SCRIPT, SCRIPT, List.of(
                                        new Output.Chart.Series(SCRIPT, List.of(new Output.Chart.Point(SCRIPT, 1))))),
                                new Output.WorkerEvent(SCRIPT, 2, Output.WorkerEvent.Phase.STARTED, 5L, null, 0)),
                        1, Map.of("tags", List.of(SCRIPT)))),
                Map.of("title", "</title>" + SCRIPT, Notebook.READ_ONLY_KEY, SCRIPT));

        String html = new HtmlExporter().render(notebook, "fallback");

        assertThat(html.toLowerCase()).doesNotContain("<script").doesNotContain("<img src=x");
        assertThat(JAVASCRIPT_URL.matcher(html).find()).as("a javascript: link target").isFalse();
        assertThat(EVENT_HANDLER.matcher(html).find()).as(html).isFalse();
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("<title>&lt;/title&gt;&lt;script&gt;").contains("Content-Security-Policy");
    }

    @Test
    void jshellsFeedbackIsMarkedApartFromWhatTheProgramPrinted() {
        Notebook notebook = new Notebook(List.of(new CodeCell("c1", "void hello(){ System.out.println(\"Hello\"); }\nhello();",
                List.of(new Output.Info("created method hello()"), new Output.Stream(StreamName.STDOUT, "Hello\n")),
                1, Map.of())));

        String html = new HtmlExporter().render(notebook, "fallback");

        assertThat(html).contains("<span class=\"info\">|  created method hello()\n</span>"
                + "<span class=\"stdout\">Hello\n</span>");
    }

    @Test
    void pageShowsHighlightedCodeOutputsAndColouredWorkerTags() {
        Notebook notebook = new Notebook(List.of(
                new MarkdownCell("m1", "## Workers\n\n| a | b |\n|---|---|\n| 1 | 2 |"),
                new CodeCell("c1", "int n = 42; // answer\nString s = \"hi\";", List.of(
                        new Output.WorkerLine("worker-1", 101, StreamName.STDOUT, "one"),
                        new Output.WorkerLine("worker-2", 102, StreamName.STDOUT, "two"),
                        new Output.WorkerLine("worker-1", 101, StreamName.STDOUT, "three"),
                        new Output.Value("n", "int", "42")), 3, Map.of())));

        String html = new HtmlExporter().render(notebook, "lesson");

        assertThat(html).contains("<h2>Workers</h2>").contains("<table>")
                .contains("<span class=\"kw\">int</span> n = <span class=\"num\">42</span>;")
                .contains("<span class=\"com\">// answer</span>").contains("<span class=\"str\">&quot;hi&quot;</span>")
                .contains("<span class=\"worker w0\">[worker-1 101]</span> <span class=\"stdout\">one\n</span>")
                .contains("<span class=\"worker w1\">[worker-2 102]</span>")
                .contains("<span class=\"worker w0\">[worker-1 101]</span> <span class=\"stdout\">three")
                .contains("<span class=\"value\">n ==&gt; 42\n</span>").contains("[3]");
    }

    @Test
    void tablesBecomeHtmlTablesAndChartsInlineSvg() {
        Notebook notebook = new Notebook(List.of(new CodeCell("c1", "show();", List.of(
                new Output.Stream(StreamName.STDOUT, "before\n"),
                new Output.Table("Timings", List.of("strategy", "seconds"), List.of(List.of("pool", "1.52"))),
                new Output.Chart(Output.Chart.Kind.BAR, "Time per strategy", "", "seconds", List.of(
                        new Output.Chart.Series("", List.of(new Output.Chart.Point("sequential", 2.97),
                                new Output.Chart.Point("pool", 1.52))))),
                new Output.Stream(StreamName.STDOUT, "after\n")), 1, Map.of())));

        String html = new HtmlExporter().render(notebook, "lesson");

        assertThat(html).contains("<caption>Timings</caption>").contains("<th>strategy</th>")
                .contains("<td>pool</td><td>1.52</td>").contains("<svg class=\"chart\"")
                .contains(">Time per strategy</text>").contains(">sequential</text>").contains("<rect ");
        assertThat(html.indexOf("before")).isLessThan(html.indexOf("<table")).as("outputs keep their order");
        assertThat(html.indexOf("<svg")).isLessThan(html.indexOf("after"));
    }

    @Test
    void exportWritesEachFormatNextToTheInput() throws Exception {
        Path lesson = dir.resolve("lesson.md");
        Files.writeString(lesson, "# Lesson\n\n```java\nint x = 1;\n```\n```output\nx ==> 1\n```\n");

        Path html = Exporter.export(lesson, "html", null);
        Path ipynb = Exporter.export(lesson, "ipynb", null);
        Path md = Exporter.export(ipynb, "md", dir.resolve("again.md"));

        assertThat(html).isEqualTo(dir.resolve("lesson.html"));
        assertThat(Files.readString(html)).contains("<title>lesson</title>").contains("<h1>Lesson</h1>");
        assertThat(ipynb).isEqualTo(dir.resolve("lesson.ipynb"));
        assertThat(Files.readString(md)).isEqualTo(Files.readString(lesson));
        assertThat(LessonFiles.read(md).cells()).hasSize(2);
    }

    @Test
    void imagesANotebookHoldsAreEmbeddedAsDataUrls() throws Exception {
        Path notebook = dir.resolve("n.ipynb");
        try (var in = getClass().getResourceAsStream("/notebooks/own/ijava-features.ipynb")) {
            Files.write(notebook, in.readAllBytes());
        }

        String html = Files.readString(Exporter.export(notebook, "html", dir.resolve("n.html")));

        assertThat(html).contains("<img class=\"output-image\" alt=\"output image\" src=\"data:image/png;base64,iVBOR")
                .doesNotContain("<b>bold</b>");
    }

    @Test
    void aLessonsOwnPicturesAreInlinedFromItsFolderAndOthersLeftAsTheyWere() throws Exception {
        Path lessons = Files.createDirectories(dir.resolve("lessons"));
        Path images = Files.createDirectories(dir.resolve("assets/images"));
        Files.copy(Path.of("assets/images/processes-vs-threads.png"), images.resolve("diagram.png"));
        Path lesson = Files.writeString(lessons.resolve("l.md"), "# L\n\n![the diagram](../assets/images/diagram.png)"
                + "\n\n![gone](../assets/images/missing.png) ![web](https://example.org/x.png)\n");

        String html = Files.readString(Exporter.export(lesson, "html", dir.resolve("l.html")));

        assertThat(html).contains("<img src=\"data:image/png;base64,iVBOR")
                .contains("alt=\"the diagram\"")
                .contains("src=\"../assets/images/missing.png\"")
                .contains("src=\"https://example.org/x.png\"");
    }
}
