package lessonbook.ui.lesson;

import static lessonbook.testkit.Fx.onFx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.fxmisc.richtext.GenericStyledArea;

import lessonbook.kernel.client.JvmKernel;
import lessonbook.testkit.Await;
import lessonbook.ui.NotebookWindowFixture;

/**
 * The default lesson in a real notebook window with the real kernel, read back the way a user reads it:
 * nodes and label texts of the scene graph, found by their style classes. Lives outside {@code lessonbook.ui}
 * on purpose, so the acceptance tests can only see what is on screen, not the window's internals.
 */
final class LessonOnScreen {
    static final Path LESSON = Path.of("lessons/multiprocessing.md");

    final JvmKernel kernel;
    final Stage stage;
    private final NotebookWindowFixture fixture;

    private LessonOnScreen(Stage stage, JvmKernel kernel, NotebookWindowFixture fixture) {
        this.stage = stage;
        this.kernel = kernel;
        this.fixture = fixture;
    }

    /**
     * The lesson with smaller inputs, written to a temp file. The tests check behaviour, not speed (the
     * benchmark measures speed): a sum up to 20 million instead of a billion keeps ten workers on two loaded
     * cores within the CI budget, and every cell still does exactly what the lesson says.
     */
    static Path smallLesson() {
        try {
            String text = Files.readString(LESSON, StandardCharsets.UTF_8);
            String small = text.replace("1_000_000_000L", "20_000_000L").replace("2_000_000_000L", "200_000_000L");
            if (small.equals(text)) {
                throw new IllegalStateException("the lesson no longer holds the inputs this test shrinks");
            }
            // under target/, which the build cleans: the system temp folder would keep one per test run
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-lessons")), "lesson");
            Path file = dir.resolve("multiprocessing.md");
            Files.writeString(file, small, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long inputBase() {
        return 20_000_000L;
    }

    /** Starts the real kernel JVM and opens {@code lesson} in a window on {@code stage}; the file dialogs pick nothing. */
    static LessonOnScreen open(Stage stage, Path lesson) {
        JvmKernel kernel = JvmKernel.start();
        return new LessonOnScreen(stage, kernel, NotebookWindowFixture.withKernel(kernel).open(stage, lesson));
    }

    /** Ends the kernel JVM and closes the window. */
    void close() {
        fixture.close();
    }

    // ----- what is on screen -----

    /**
     * Scrolls the notebook to {@code cell}, as the class does to read it: output that arrived while a cell was
     * out of sight is drawn when it comes into view.
     */
    void scrollTo(Node cell) {
        onFx(() -> {
            javafx.scene.control.ScrollPane notebook = (javafx.scene.control.ScrollPane) root().lookup(".notebook");
            Node content = notebook.getContent();
            double top = content.sceneToLocal(cell.localToScene(0, 0)).getY();
            double max = content.getLayoutBounds().getHeight() - notebook.getViewportBounds().getHeight();
            lessonbook.testkit.Fx.scrollAsUser(notebook, max <= 0 ? 0 : Math.max(0, Math.min(1, top / max)));
            return null;
        });
    }

    /**
     * Scrolls to {@code cell} and waits until {@code drawn} holds, scrolling to it again every second meanwhile: on a
     * loaded machine the cells around it may still be drawn in place of their estimates as it comes into view, and a
     * reader whose cell moved away scrolls to it again. A time-out says where the cell was against the view.
     */
    void scrollToAndAwait(Node cell, String what, Await.Condition drawn) {
        long[] nextScroll = {System.nanoTime()};
        Await.until(what, Duration.ofSeconds(30), () -> {
            if (drawn.holds()) {
                return true;
            }
            long now = System.nanoTime();
            if (now - nextScroll[0] >= 0) {
                scrollTo(cell);
                nextScroll[0] = now + TimeUnit.SECONDS.toNanos(1);
            }
            return false;
        }, () -> whereAgainstTheView(cell));
    }

    private String whereAgainstTheView(Node cell) {
        return onFx(() -> {
            Node notebook = root().lookup(".notebook");
            Bounds view = notebook.localToScene(notebook.getLayoutBounds());
            Bounds at = cell.localToScene(cell.getLayoutBounds());
            return "the cell at scene y %.0f..%.0f, the view %.0f..%.0f".formatted(at.getMinY(), at.getMaxY(),
                    view.getMinY(), view.getMaxY());
        });
    }

    Parent root() {
        return stage.getScene().getRoot();
    }

    /** The code cells, top to bottom. */
    List<Node> codeCells() {
        return onFx(() -> inOrder(root().lookupAll(".code-cell")));
    }

    /** All cells (prose and code), top to bottom. */
    List<Node> cells() {
        // Not ".cell": every ListCell of an output pane or a combo box carries that class too.
        return onFx(() -> {
            Set<Node> cells = new java.util.HashSet<>(root().lookupAll(".code-cell"));
            cells.addAll(root().lookupAll(".markdown-cell"));
            return inOrder(cells);
        });
    }

    private List<Node> inOrder(Set<Node> nodes) {
        List<Node> list = new ArrayList<>(nodes);
        list.sort(Comparator.comparingDouble(n -> n.localToScene(0, 0).getY()));
        return list;
    }

    /** The Java source a cell shows: its read-only preview, or its editor once it was built. */
    static String source(Node codeCell) {
        return onFx(() -> {
            Optional<Node> editor = codeCell.lookupAll("*").stream()
                    .filter(n -> n instanceof GenericStyledArea).findFirst();
            if (editor.isPresent()) {
                return ((GenericStyledArea<?, ?, ?>) editor.get()).getText();
            }
            String numbered = text(codeCell, ".code-preview");
            // The preview numbers its lines ("1   code"): strip the four-column gutter.
            return numbered.lines().map(l -> l.length() >= 4 ? l.substring(4) : "").collect(Collectors.joining("\n"));
        });
    }

    /** The one code cell whose source contains {@code fragment}. */
    Node codeCell(String fragment) {
        List<Node> matching = codeCells().stream().filter(c -> source(c).contains(fragment)).toList();
        if (matching.size() != 1) {
            throw new AssertionError(matching.size() + " code cells contain " + fragment);
        }
        return matching.get(0);
    }

    static String counter(Node codeCell) {
        return text(codeCell, ".cell-counter");
    }

    static String status(Node codeCell) {
        return text(codeCell, ".cell-status");
    }

    static boolean statusIs(Node codeCell, String state) {
        return onFx(() -> codeCell.lookup(".cell-status").getStyleClass().contains(state));
    }

    /** "In [7]:" once the cell ran; "In [*]:" while queued or running; "In [ ]:" before. */
    static boolean hasExecutionCount(Node codeCell) {
        return counter(codeCell).matches("In \\[\\d+\\]:");
    }

    static boolean ranToCompletion(Node codeCell) {
        return hasExecutionCount(codeCell) && (statusIs(codeCell, "done") || statusIs(codeCell, "error")
                || statusIs(codeCell, "interrupted"));
    }

    /** The texts of the visible lines of a cell's output pane. */
    static List<String> outputLines(Node codeCell) {
        return joinWrapped(codeCell, ".output-line", l -> l.getText() != null && !l.getText().isEmpty());
    }

    /** The worker-tagged lines of a cell's output pane ("[Worker-3 1234] 42"). */
    static List<String> workerLines(Node codeCell) {
        return joinWrapped(codeCell, ".out-worker", l -> l.getText() != null);
    }

    /** Rows as drawn, a line wrapped onto several rows (".out-continued") read back as the one line it is. */
    private static List<String> joinWrapped(Node in, String selector, Predicate<Labeled> keep) {
        List<String> lines = new ArrayList<>();
        for (Labeled row : rows(in, selector, keep)) {
            if (row.getStyleClass().contains("out-continued") && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + row.getText());
            } else {
                lines.add(row.getText());
            }
        }
        return lines;
    }

    private static List<Labeled> rows(Node in, String selector, Predicate<Labeled> keep) {
        return onFx(() -> {
            List<Node> nodes = new ArrayList<>(in.lookupAll(selector));
            nodes.sort(Comparator.comparingDouble(n -> n.localToScene(0, 0).getY()));
            return nodes.stream().filter(n -> n instanceof Labeled && shown(n)).map(n -> (Labeled) n)
                    .filter(keep).collect(Collectors.toList());
        });
    }

    /** The labels of the lanes ("Worker-1 · pid 1234") under a cell, top to bottom. */
    static List<String> laneLabels(Node codeCell) {
        return texts(codeCell, ".lane-name", l -> true);
    }

    static String text(Node in, String selector) {
        return onFx(() -> {
            Node node = in.lookup(selector);
            if (node == null) {
                return "";
            }
            return node instanceof Labeled ? ((Labeled) node).getText() : ((Text) node).getText();
        });
    }

    static List<String> texts(Node in, String selector, Predicate<Labeled> keep) {
        return onFx(() -> {
            List<Node> nodes = new ArrayList<>(in.lookupAll(selector));
            nodes.sort(Comparator.comparingDouble(n -> n.localToScene(0, 0).getY()));
            return nodes.stream().filter(n -> n instanceof Labeled && shown(n)).map(n -> (Labeled) n)
                    .filter(keep).map(Labeled::getText).collect(Collectors.toList());
        });
    }

    /** True when the node and all its parents are visible: the user can see it (if scrolled to). */
    static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

}
