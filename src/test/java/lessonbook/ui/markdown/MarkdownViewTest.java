package lessonbook.ui.markdown;

import static lessonbook.testkit.Fx.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import lessonbook.ui.editor.EditorTheme;

@ExtendWith(ApplicationExtension.class)
class MarkdownViewTest {

    /** A 2x2 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==");

    private MarkdownView view;
    private VBox root;
    private final List<String> clickedLinks = new ArrayList<>();

    @TempDir
    Path lessonDir;

    @Start
    void start(Stage stage) {
        view = new MarkdownView();
        view.setLinkHandler(clickedLinks::add);
        root = new VBox(view);
        Scene scene = new Scene(root, 640, 700);
        EditorTheme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    private void show(FxRobot robot, String markdown) {
        robot.interact(() -> {
            view.setBaseDirectory(lessonDir);
            view.setMarkdown(markdown);
        });
    }

    private static String textOf(Node node) {
        if (node instanceof Text) {
            return ((Text) node).getText();
        }
        if (node instanceof Label) {
            return ((Label) node).getText();
        }
        if (node instanceof Parent) {
            return ((Parent) node).getChildrenUnmodifiable().stream().map(MarkdownViewTest::textOf)
                    .collect(Collectors.joining());
        }
        return "";
    }

    private static List<Text> texts(Node node) {
        List<Text> found = new ArrayList<>();
        if (node instanceof Text) {
            found.add((Text) node);
        } else if (node instanceof Parent) {
            ((Parent) node).getChildrenUnmodifiable().forEach(c -> found.addAll(texts(c)));
        }
        return found;
    }

    private Text textNode(String content) {
        return texts(view).stream().filter(t -> t.getText().equals(content)).findFirst()
                .orElseThrow(() -> new AssertionError("no Text '" + content + "' in " + textOf(view)));
    }

    @Test
    void headingsParagraphsAndInlineStylesBecomeStyledTextFlows(FxRobot robot) {
        show(robot, "# Why processes\n\nSome *emphasis*, **strong** and `inline code`.");
        Node heading = view.getChildren().get(0);
        assertThat(heading).isInstanceOf(TextFlow.class);
        assertThat(heading.getStyleClass()).contains("md-heading-block");
        assertThat(textOf(heading)).isEqualTo("Why processes");
        assertThat(textNode("Why processes").getStyleClass()).contains("md-h1");
        Node paragraph = view.getChildren().get(1);
        assertThat(paragraph).isInstanceOf(TextFlow.class);
        assertThat(textOf(paragraph)).isEqualTo("Some emphasis, strong and inline code.");
        assertThat(textNode("emphasis").getStyleClass()).contains("md-emphasis");
        assertThat(textNode("strong").getStyleClass()).contains("md-strong");
        assertThat(textNode("inline code").getStyleClass()).contains("md-code");
        assertThat(onFx(() -> textNode("strong").getFont().getStyle())).containsIgnoringCase("bold");
    }

    /** A pasted cell of 20,000 paragraphs kept the window from appearing: the view draws its first blocks. */
    @Test
    void aCellOfTwentyThousandParagraphsDrawsItsFirstBlocksAndANote(FxRobot robot) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append("Paragraph ").append(i).append(" with *emphasis*.\n\n");
        }
        show(robot, text.toString());
        List<Node> children = view.getChildren();
        assertThat(children).hasSize(ProseBound.MAX_BLOCKS + 1);
        assertThat(textOf(children.get(ProseBound.MAX_BLOCKS - 1))).isEqualTo("Paragraph 399 with emphasis.");
        Node note = children.get(ProseBound.MAX_BLOCKS);
        assertThat(note.getStyleClass()).contains("md-not-drawn");
        assertThat(((javafx.scene.control.Label) note).getText()).contains("All of its text is kept");
        assertThat(view.getMarkdown()).isEqualTo(text.toString());
    }

    @Test
    void nestedListsGetMarkersAndTheirItemsText(FxRobot robot) {
        show(robot, "- first\n- second\n\n  3. three\n  4. four\n");
        Node list = view.getChildren().get(0);
        assertThat(list.getStyleClass()).contains("md-list", "bullet");
        List<Node> items = ((VBox) list).getChildren();
        assertThat(items).hasSize(2);
        assertThat(textOf(items.get(0))).isEqualTo("\u2022first");
        Node nested = list.lookup(".md-list.ordered");
        assertThat(nested).isNotNull();
        assertThat(textOf(nested)).isEqualTo("3.three4.four");
        assertThat(textOf(items.get(1))).startsWith("\u2022second");
    }

    @Test
    void tablesBecomeGridsWithHeaderAndAlignment(FxRobot robot) {
        show(robot, "| Python | Java |\n|---|--:|\n| `Process` | `WorkerProcess` |\n| Pool | **pool** |\n");
        GridPane grid = (GridPane) view.getChildren().get(0);
        assertThat(grid.getStyleClass()).contains("md-table");
        assertThat(grid.getChildren()).hasSize(6);
        List<String> cells = grid.getChildren().stream().map(MarkdownViewTest::textOf).collect(Collectors.toList());
        assertThat(cells).containsExactly("Python", "Java", "Process", "WorkerProcess", "Pool", "pool");
        assertThat(grid.getChildren().get(0).getStyleClass()).contains("md-table-cell", "header");
        assertThat(((TextFlow) grid.getChildren().get(3)).getTextAlignment()).isEqualTo(TextAlignment.RIGHT);
    }

    @Test
    void fencedJavaCodeIsMonospacedAndHighlighted(FxRobot robot) {
        show(robot, "```java\npublic class Worker {}\n```\n\n```\nplain output\n```");
        Node block = view.getChildren().get(0);
        assertThat(block.getStyleClass()).contains("md-code-block");
        assertThat(textOf(block.lookup(".md-code-flow"))).isEqualTo("public class Worker {}");
        assertThat(textNode("public").getStyleClass()).contains("keyword", "md-code-text");
        assertThat(onFx(() -> textNode("public").getFont().getFamily())).containsIgnoringCase("mono");
        assertThat(textOf(view.getChildren().get(1).lookup(".md-code-flow"))).isEqualTo("plain output");
    }

    @Test
    void markdownNestedTwoThousandDeepShowsItsTextPlainly(FxRobot robot) {
        show(robot, "> ".repeat(2000) + "quoted\n\n" + "- ".repeat(2000) + "listed\n\n"
                + "*".repeat(2000) + "emphasised" + "*".repeat(2000));
        assertThat(textOf(view)).contains("quoted").contains("listed").contains("emphasised");
    }

    @Test
    void aCodeBlocksCopyButtonPutsItsCodeOnTheClipboard(FxRobot robot) {
        show(robot, "```java\nint workers = 10;\n```");
        robot.moveTo(view.lookup(".md-code-block"));
        robot.clickOn(".md-copy-button");
        assertThat(onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())).isEqualTo("int workers = 10;");
    }

    @Test
    void clickingALinkCallsTheHandlerOnlyForHttpHttpsAndMailto(FxRobot robot) {
        show(robot, "See [the tutorial](https://example.org/mp), [notes](notes/more.md), [run](javascript:alert(1)),"
                + " [script](file:///tmp/x.sh) and [mail](mailto:a@example.org).");
        Text link = textNode("the tutorial");
        assertThat(link.getStyleClass()).contains("md-link");
        robot.clickOn(link);
        robot.clickOn(textNode("notes"));
        robot.clickOn(textNode("run"));
        robot.clickOn(textNode("script"));
        robot.clickOn(textNode("mail"));
        assertThat(clickedLinks).containsExactly("https://example.org/mp", "mailto:a@example.org");
        assertThat(textNode("notes").getStyleClass()).contains("md-link", "md-link-not-opened");
    }

    @Test
    void localImagesLoadFromTheLessonFolderAndRemoteOnesShowTheirAltText(FxRobot robot) throws IOException {
        Files.createDirectories(lessonDir.resolve("assets"));
        Files.write(lessonDir.resolve("assets/lanes.png"), PNG);
        show(robot, "![worker lanes](assets/lanes.png)\n\n![a tracking pixel](https://example.org/pixel.png)"
                + "\n\n![missing](assets/none.png)");
        List<ImageView> images = onFx(() -> view.lookupAll(".md-image").stream()
                .map(ImageView.class::cast).collect(Collectors.toList()));
        assertThat(images).hasSize(1);
        assertThat(images.get(0).getImage().getUrl()).startsWith("file:").endsWith("assets/lanes.png");
        assertThat(textOf(view)).contains("[a tracking pixel]").contains("[missing]");
        assertThat(textNode("[a tracking pixel]").getStyleClass()).contains("md-image-alt");
    }

    /**
     * A picture beside a lesson whose header claims 20,000 x 20,000 pixels (a 400 KB PNG of one colour decodes to
     * 1.6 GB) is named, not decoded.
     */
    @Test
    void aPictureTooLargeToDecodeIsNamedWithItsSize(FxRobot robot) throws IOException {
        byte[] png = PNG.clone();
        png[16] = 0;
        png[17] = 0;
        png[18] = 0x4E;   // width 20,000 (0x4E20)
        png[19] = 0x20;
        png[20] = 0;
        png[21] = 0;
        png[22] = 0x4E;   // height 20,000
        png[23] = 0x20;
        Files.write(lessonDir.resolve("bomb.png"), png);
        show(robot, "![a picture](bomb.png)");
        assertThat(onFx(() -> view.lookupAll(".md-image").size())).isZero();
        assertThat(textOf(view)).isEqualTo("[a picture: an image of 20,000 x 20,000 pixels, too large to show here]");
    }

    @Test
    void rawHtmlIsShownAsTextNeverRun(FxRobot robot) {
        show(robot, "<script>alert('x')</script>\n\nA line<br>break and <b>bold</b>.");
        assertThat(textOf(view.getChildren().get(0))).isEqualTo("<script>alert('x')</script>");
        assertThat(textOf(view.getChildren().get(1))).isEqualTo("A line\nbreak and <b>bold</b>.");
    }

    @Test
    void quotesAndRulesRender(FxRobot robot) {
        show(robot, "> Processes do not share memory.\n\n---\n\nafter");
        assertThat(view.getChildren().get(0).getStyleClass()).contains("md-block-quote");
        assertThat(textOf(view.getChildren().get(0))).isEqualTo("Processes do not share memory.");
        assertThat(view.getChildren().get(1).getStyleClass()).contains("md-rule");
    }

    @Test
    void textWrapsWithTheWidthAndFollowsTheZoom(FxRobot robot) {
        show(robot, "# Zoom\n\n" + "Each worker is a separate operating system process. ".repeat(8));
        Node paragraph = view.getChildren().get(1);
        WaitForAsyncUtils.waitForFxEvents();
        double wide = onFx(() -> paragraph.getLayoutBounds().getHeight());
        robot.interact(() -> view.setMaxWidth(250));
        WaitForAsyncUtils.waitForFxEvents();
        double narrow = onFx(() -> paragraph.getLayoutBounds().getHeight());
        assertThat(narrow).isGreaterThan(wide * 2);

        robot.interact(() -> root.setStyle("-fx-font-size: 24px;"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> textNode("Zoom").getFont().getSize())).isCloseTo(24 * 1.9, org.assertj.core.data.Offset.offset(0.5));
        assertThat(onFx(() -> texts(paragraph).get(0).getFont().getSize())).isEqualTo(24.0);
    }
}
