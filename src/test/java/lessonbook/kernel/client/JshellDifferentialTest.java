package lessonbook.kernel.client;

import lessonbook.testkit.KernelHarness;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import lessonbook.model.Output;

/**
 * The jshell differential: a corpus of snippets run through the JDK's own {@code jshell} tool (normal feedback)
 * and through the kernel, one cell a snippet, compared per snippet as a reader sees them (jshell's feedback,
 * values, stdout, stderr, errors). The known differences, by design (see the README), are listed in
 * {@link #KNOWN_DIFFERENCES} and applied to the kernel's side; anything else that differs fails the test.
 */
class JshellDifferentialTest {
    /** One snippet a line; each is a cell of its own in the kernel. Deterministic output only (no hash codes). */
    private static final List<String> CORPUS = List.of(
            "void hello(){ System.out.println(\"Hello\"); }",
            "hello();",
            "int y = 5;",
            "String s = \"abc\";",
            "s + \"!\"",
            "s",
            "y = 7",
            "'c'",
            "double third = 1.0 / 4",
            "int f() { return g(); }",
            "int g() { return 1; }",
            "f()",
            "long g() { return 2; }",
            "int h(int x) { return x; }",
            "int h(int x) { return x + 1; }",
            "h(2)",
            "{ System.out.println(\"A\"); System.err.println(\"B\"); System.out.println(\"C\"); }",
            "int z = \"x\";",
            "foo + 1",
            "List<String> l = new ArrayList();",
            "Integer.parseInt(\"x\")",
            "class Pet { }",
            "Pet pet = null;",
            "class Pet { int age; }",
            "pet",
            "record Point(int x, int y) {}",
            "new Point(1, 2)",
            "interface Shape { double area(); }",
            "enum Color { RED, GREEN }",
            "Color.GREEN",
            "int[] a = {1, 2, 3};",
            "String none = null;",
            "none",
            "void m() { undefinedThing(); }",
            "m()",
            "System.out.print(\"no newline\")");

    /** What differs by design, as replacements on the kernel's text: each says why. */
    private static final Map<String, Pattern> KNOWN_DIFFERENCES = Map.of(
            // a diagnostic's header says where in the cell it is, as a cell may hold many lines and snippets
            "|  $1:", Pattern.compile("(?m)^\\|  (Error|Warning) at line \\d+, column \\d+:$"),
            // calling a method that waits for a declaration is an exception (an error output in a notebook)
            "|  ", Pattern.compile("(?m)^\\|  Exception UnresolvedReferenceException: "),
            // a declared variable's value is feedback, marked by the bar, as a notebook keeps no result for it
            "$1", Pattern.compile("(?m)^\\|  (\\w+ ==> )"),
            // a frame names the cell and its line as the screen shows them (each snippet here is a cell of its own)
            "(#N:$1)", Pattern.compile("\\(In \\[\\d+\\], line (\\d+)\\)"));

    @RegisterExtension
    static final KernelHarness harness = KernelHarness.ready();

    @Test
    void eachSnippetShowsWhatTheJshellToolShows() throws Exception {
        List<String> kernel = new ArrayList<>();
        for (String snippet : CORPUS) {
            kernel.add(normalize(knownDifferences(text(harness.run(snippet).outputs()))));
        }
        List<String> jshell = runJshellTool(); // after the kernel's cells: two JVMs starting at once starve a small machine

        List<String> differing = new ArrayList<>();
        for (int i = 0; i < CORPUS.size(); i++) {
            if (!jshell.get(i).equals(kernel.get(i))) {
                differing.add("snippet " + (i + 1) + ": " + CORPUS.get(i) + "\n--- jshell\n" + jshell.get(i)
                        + "--- kernel\n" + kernel.get(i));
            }
        }
        assertThat(differing).as(String.join("\n", differing)).isEmpty();
    }

    @Test
    void theComparisonCanFail() {
        // the same text twice compares equal, a value that is not the same does not
        assertThat(normalize(knownDifferences("|  y ==> 5\n"))).isEqualTo("y ==> 5\n");
        assertThat(normalize("$12 ==> 4\n")).isNotEqualTo(normalize("$12 ==> 5\n"));
    }

    private static String text(List<Output> outputs) {
        return outputs.stream().map(Output::text).collect(Collectors.joining());
    }

    private static String knownDifferences(String text) {
        for (Map.Entry<String, Pattern> difference : KNOWN_DIFFERENCES.entrySet()) {
            text = difference.getValue().matcher(text).replaceAll(difference.getKey());
        }
        return text;
    }

    /**
     * Both sides: temporary names and snippet ids are numbered from different starts ({@code $12}, {@code #7:1}),
     * and an unterminated last line ends with one; blank lines (the tool's between prompts) are left out.
     */
    private static String normalize(String text) {
        String numbered = text.replaceAll("\\$\\d+", "\\$N").replaceAll("#\\d+", "#N");
        StringBuilder lines = new StringBuilder();
        for (String line : numbered.split("\n")) {
            if (!line.isBlank()) {
                lines.append(line).append('\n');
            }
        }
        return lines.toString();
    }

    /** Runs the corpus through this JDK's jshell tool, a marker line between snippets; its text per snippet. */
    private static List<String> runJshellTool() {
        try {
            Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
            StringBuilder input = new StringBuilder();
            for (int i = 0; i < CORPUS.size(); i++) {
                input.append("System.out.println(\"\\n@@").append(i).append("@@\")\n").append(CORPUS.get(i)).append('\n');
            }
            input.append("System.out.println(\"\\n@@end@@\")\n/exit\n");
            Process process = new ProcessBuilder(jshell.toString(), "--feedback", "normal")
                    .redirectErrorStream(true).start();
            process.getOutputStream().write(input.toString().getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String out = readAll(process.getInputStream());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("jshell did not finish");
            }
            out = out.replaceAll("jshell> *\u0008?", "").replace("\u0008", "");
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < CORPUS.size(); i++) {
                int start = out.indexOf("@@" + i + "@@\n");
                String next = i + 1 < CORPUS.size() ? "\n@@" + (i + 1) + "@@\n" : "\n@@end@@\n";
                int end = out.indexOf(next, start);
                if (start < 0 || end < 0) {
                    throw new IllegalStateException("jshell's output has no marker " + i + ":\n" + out);
                }
                parts.add(normalize(out.substring(start + ("@@" + i + "@@\n").length(), end)));
            }
            return parts;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static {
        // the tool must exist where the kernel's JDK is: a JRE without it cannot run this test
        if (!Files.exists(Path.of(System.getProperty("java.home"), "bin", "jshell"))) {
            throw new IllegalStateException("no jshell in " + System.getProperty("java.home"));
        }
    }
}
