package lessonbook.bench.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

import lessonbook.model.Diagnostic;
import lessonbook.ui.editor.Completions;
import lessonbook.ui.editor.EditorTheme;
import lessonbook.ui.editor.JavaCodeEditor;
import lessonbook.ui.editor.SymbolDoc;
import lessonbook.ui.markdown.MarkdownView;

/**
 * A window to look at the editor and the Markdown view together, the way a lesson stacks them. Options:
 * {@code --dark}, {@code --font=N} (the zoom, in px on the scene root), {@code --popup} (opens the
 * completion list on the second cell), {@code --find} (opens the replace bar on the first cell),
 * {@code --doc} (documentation popup), {@code --hover} (mouse over the compile error).
 * Completion and documentation here come from a small fixed list, not from a kernel.
 */
public final class EditorDemo {

    private EditorDemo() {
    }

    public static void main(String[] args) {
        Application.launch(DemoApp.class, args);
    }

    public static final class DemoApp extends Application {

        private static final String PROSE = String.join("\n",
                "# Doing it manually",
                "",
                "Each call starts a **separate JVM**: a real operating system process with its own *pid*.",
                "Java threads can use every core, so we choose processes for `isolation` — see the",
                "[Python tutorial](https://docs.python.org/3/library/multiprocessing.html).",
                "",
                "- start one worker per input",
                "- join them all",
                "  1. in order",
                "  2. while their prints stream in",
                "",
                "| Python | Java |",
                "|---|---|",
                "| `Process(target=f)` | `Workers.start(\"w1\", () -> f(n))` |",
                "| `Pool(10).map(f, xs)` | `pool.map(Demo::f, xs)` |",
                "",
                "> The order of the lines varies: the operating system decides who runs when.",
                "",
                "```java",
                "long expensive(long n) { return 1 + n * (n + 1) / 2; } // sums 1..n",
                "```",
                "",
                "![worker lanes](assets/lanes.png) ![remote image](https://example.org/x.png)");

        private static final String CODE = String.join("\n",
                "import java.util.*;",
                "",
                "/** The tutorial's expensive function: it returns 1 + n(n+1)/2. */",
                "long expensive(long n) {",
                "    long sum = 1;",
                "    for (long i = 1; i <= n; i++) {",
                "        sum += i; // one step at a time",
                "    }",
                "    return sum;",
                "}",
                "",
                "var inputs = List.of(10_000_000L, 20_000_000L, 0x1FL, 3.5e2);",
                "System.out.println(\"sequential: \" + inputs.stream().map(n -> expensive(n)).toList());");

        private static final String BROKEN = "int workers = \"ten\";\nSystem.out.pri";

        @Override
        public void start(Stage stage) {
            List<String> args = getParameters().getRaw();
            JavaCodeEditor first = new JavaCodeEditor(CODE);
            JavaCodeEditor second = new JavaCodeEditor(BROKEN);
            for (JavaCodeEditor editor : List.of(first, second)) {
                editor.setCompletionSource(DemoApp::complete);
                editor.setDocumentationSource((code, cursor) -> CompletableFuture.completedFuture(List.of(
                        new SymbolDoc("void java.io.PrintStream.println(String x)",
                                "Prints a String and then terminates the line. <p>This method behaves as though "
                                        + "it invokes {@link #print(String)} and then {@link #println()}."
                                        + "\n@param x The {@code String} to be printed."))));
            }
            second.showDiagnostics(List.of(new Diagnostic(true, 14, 19, 1, 15,
                    "incompatible types: java.lang.String cannot be converted to int")));
            MarkdownView prose = new MarkdownView();
            prose.setBaseDirectory(demoAssets());
            prose.setMarkdown(PROSE);
            prose.setLinkHandler(url -> System.out.println("link clicked: " + url));

            VBox cells = new VBox(14, prose, first, second);
            cells.setStyle("-fx-padding: 16;");
            ScrollPane scroll = new ScrollPane(cells);
            scroll.setFitToWidth(true);
            Scene scene = new Scene(scroll, 1000, 860);
            boolean dark = args.contains("--dark");
            (dark ? EditorTheme.DARK : EditorTheme.LIGHT).applyTo(scene);
            String font = args.stream().filter(a -> a.startsWith("--font=")).map(a -> a.substring(7)).findFirst().orElse("14");
            scroll.setStyle("-fx-font-size: " + font + "px;" + (dark ? "-fx-base: #2b2d30; -fx-background: #1e1f22;" : ""));
            stage.setTitle("Lessonbook editor demo");
            stage.setScene(scene);
            stage.show();

            PauseTransition later = new PauseTransition(Duration.millis(800));
            later.setOnFinished(e -> {
                if (args.contains("--popup")) {
                    second.requestEditorFocus();
                    second.moveCaretTo(BROKEN.length());
                    second.requestCompletion();
                } else if (args.contains("--find")) {
                    first.getCodeArea().selectRange(CODE.indexOf("sum"), CODE.indexOf("sum") + 3);
                    first.showReplace();
                } else if (args.contains("--hover")) {
                    second.getCodeArea().getCharacterBoundsOnScreen(16, 17).ifPresent(b ->
                            new javafx.scene.robot.Robot().mouseMove(b.getCenterX(), b.getCenterY()));
                } else if (args.contains("--doc")) {
                    second.requestEditorFocus();
                    second.moveCaretTo(BROKEN.length());
                    second.requestDocumentation();
                } else {
                    first.requestEditorFocus();
                    first.moveCaretTo(CODE.indexOf("{\n    long sum"));
                }
            });
            later.play();
        }

        private static CompletableFuture<Completions> complete(String code, int cursor) {
            int anchor = cursor;
            while (anchor > 0 && Character.isJavaIdentifierPart(code.charAt(anchor - 1))) {
                anchor--;
            }
            String prefix = code.substring(anchor, cursor);
            List<Completions.Suggestion> suggestions = Arrays.stream(
                    new String[] {"print(", "printf(", "println(", "checkError()", "close()", "flush()"})
                    .filter(s -> s.startsWith(prefix))
                    .map(s -> new Completions.Suggestion(s, s.startsWith("println")))
                    .collect(Collectors.toList());
            return CompletableFuture.completedFuture(new Completions(anchor, suggestions));
        }

        /** A lesson folder with one picture, drawn here so the demo needs no files. */
        private static Path demoAssets() {
            try {
                Path dir = Files.createTempDirectory("lessonbook-demo");
                Files.createDirectories(dir.resolve("assets"));
                java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(360, 90,
                        java.awt.image.BufferedImage.TYPE_INT_RGB);
                java.awt.Graphics2D g = img.createGraphics();
                g.setColor(new java.awt.Color(0xf6f8fa));
                g.fillRect(0, 0, 360, 90);
                java.awt.Color[] colours = {new java.awt.Color(0x2da44e), new java.awt.Color(0x0969da),
                    new java.awt.Color(0xbf8700)};
                for (int lane = 0; lane < 3; lane++) {
                    g.setColor(colours[lane]);
                    g.fillRect(20 + lane * 40, 10 + lane * 26, 180 + lane * 30, 18);
                }
                g.dispose();
                javax.imageio.ImageIO.write(img, "png", dir.resolve("assets/lanes.png").toFile());
                dir.toFile().deleteOnExit();
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
