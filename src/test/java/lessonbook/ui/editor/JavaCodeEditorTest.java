package lessonbook.ui.editor;

import static lessonbook.testkit.Fx.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lessonbook.model.Diagnostic;
import lessonbook.testkit.Await;

@ExtendWith(ApplicationExtension.class)
class JavaCodeEditorTest {

    private JavaCodeEditor editor;
    private VBox root;
    private final List<String> keysSeenByShell = new ArrayList<>();

    @Start
    void start(Stage stage) {
        editor = new JavaCodeEditor();
        root = new VBox(editor);
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.ESCAPE) {
                keysSeenByShell.add((e.isShiftDown() ? "Shift+" : "") + (e.isControlDown() ? "Ctrl+" : "")
                        + (e.isAltDown() ? "Alt+" : "") + e.getCode());
            }
        });
        Scene scene = new Scene(root, 800, 500);
        EditorTheme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    private void setTextAndFocus(FxRobot robot, String text, int caret) {
        robot.interact(() -> {
            editor.setText(text);
            editor.moveCaretTo(caret);
            editor.requestEditorFocus();
        });
        Await.until("editor.getCodeArea().isFocused()", Duration.ofSeconds(5), () -> editor.getCodeArea().isFocused());
    }

    private List<String> stylesAt(FxRobot robot, int index) {
        List<String> styles = new ArrayList<>();
        robot.interact(() -> styles.addAll(editor.getCodeArea().getStyleOfChar(index)));
        return styles;
    }

    private boolean hasStyle(FxRobot robot, int index, String styleClass) {
        return stylesAt(robot, index).contains(styleClass);
    }

    @Test
    void typingHighlightsKeywordsStringsAndComments(FxRobot robot) {
        setTextAndFocus(robot, "", 0);
        robot.write("public class A { String s = \"if\"; } // for");
        Await.until("hasStyle(robot, 0, \"keyword\")", Duration.ofSeconds(5), () -> hasStyle(robot, 0, "keyword"));
        String text = editor.getText();
        assertThat(stylesAt(robot, text.indexOf("class"))).contains("keyword");
        assertThat(stylesAt(robot, text.indexOf("String"))).contains("type-name");
        assertThat(stylesAt(robot, text.indexOf("\"if\"") + 1)).contains("string").doesNotContain("keyword");
        assertThat(stylesAt(robot, text.indexOf("for"))).contains("comment").doesNotContain("keyword");
    }

    @Test
    void enterKeepsIndentationAndIndentsAfterOpeningBrace(FxRobot robot) {
        setTextAndFocus(robot, "    if (x) {", 12);
        robot.type(KeyCode.ENTER);
        assertThat(editor.getText()).isEqualTo("    if (x) {\n        ");
        robot.write("f();");
        robot.type(KeyCode.ENTER);
        assertThat(editor.getText()).isEqualTo("    if (x) {\n        f();\n        ");
        robot.write("}");
        assertThat(editor.getText()).isEqualTo("    if (x) {\n        f();\n    }");
    }

    @Test
    void enterBetweenBracesOpensAnIndentedLine(FxRobot robot) {
        setTextAndFocus(robot, "void f() {}", 10);
        robot.type(KeyCode.ENTER);
        assertThat(editor.getText()).isEqualTo("void f() {\n    \n}");
        assertThat(editor.getCaretPosition()).isEqualTo("void f() {\n    ".length());
    }

    @Test
    void tabInsertsFourSpaces(FxRobot robot) {
        setTextAndFocus(robot, "x", 0);
        robot.type(KeyCode.TAB);
        assertThat(editor.getText()).isEqualTo("    x");
    }

    @Test
    void backspaceInTheIndentationRemovesALevel(FxRobot robot) {
        setTextAndFocus(robot, "        x", 8);
        robot.type(KeyCode.BACK_SPACE);
        assertThat(editor.getText()).isEqualTo("    x");
        robot.interact(() -> editor.moveCaretTo(5));
        robot.type(KeyCode.BACK_SPACE);
        assertThat(editor.getText()).isEqualTo("    ");
    }

    @Test
    void ctrlSlashCommentsTheSelectedLinesOutAndIn(FxRobot robot) {
        String code = "if (a) {\n    b();\n\n    c();\n}";
        setTextAndFocus(robot, code, 0);
        robot.interact(() -> editor.getCodeArea().selectRange(code.indexOf("b()"), code.indexOf("c()")));
        robot.press(KeyCode.CONTROL).type(KeyCode.SLASH).release(KeyCode.CONTROL);
        assertThat(editor.getText()).isEqualTo("if (a) {\n    // b();\n\n    // c();\n}");
        robot.press(KeyCode.CONTROL).type(KeyCode.SLASH).release(KeyCode.CONTROL);
        assertThat(editor.getText()).isEqualTo(code);
    }

    @Test
    void bracketAtCaretAndItsPartnerAreMarked(FxRobot robot) {
        String code = "f(a[1], \")\", {b})";
        setTextAndFocus(robot, code, code.length());
        Await.until("hasStyle(robot, code.length() - 1, \"bracket-match\")", Duration.ofSeconds(5),
                () -> hasStyle(robot, code.length() - 1, "bracket-match"));
        assertThat(stylesAt(robot, 1)).contains("bracket-match");
        assertThat(stylesAt(robot, code.indexOf("\")\"") + 1)).doesNotContain("bracket-match");
        robot.interact(() -> editor.moveCaretTo(code.indexOf('{')));
        Await.until("hasStyle(robot, code.indexOf('}'), \"bracket-match\")", Duration.ofSeconds(5),
                () -> hasStyle(robot, code.indexOf('}'), "bracket-match"));
        assertThat(stylesAt(robot, 1)).doesNotContain("bracket-match");
    }

    @Test
    void undoAndRedoWithTheUsualKeys(FxRobot robot) {
        setTextAndFocus(robot, "int a;", 6);
        robot.write(" int b;");
        assertThat(editor.getText()).isEqualTo("int a; int b;");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(editor.getText()).isEqualTo("int a;");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(editor.getText()).isEqualTo("int a; int b;");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        assertThat(editor.getText()).isEqualTo("int a; int b;");
    }

    @Test
    void findCountsMatchesAndReplaceAllReplacesEveryOneInOneUndoStep(FxRobot robot) {
        String code = "int a = 1;\na = a + 1;";
        setTextAndFocus(robot, code, 0);
        robot.press(KeyCode.CONTROL).type(KeyCode.H).release(KeyCode.CONTROL);
        FindReplaceBar bar = editor.findBar();
        Await.until("bar.isOpen() && bar.queryField().isFocused()", Duration.ofSeconds(5),
                () -> bar.isOpen() && bar.queryField().isFocused());
        robot.write("a");
        assertThat(bar.countText()).isEqualTo("1 of 3");
        Await.until("hasStyle(robot, code.indexOf(\"a + 1\"), \"search-hit\")", Duration.ofSeconds(5),
                () -> hasStyle(robot, code.indexOf("a + 1"), "search-hit"));
        robot.type(KeyCode.ENTER);
        assertThat(bar.countText()).isEqualTo("2 of 3");
        robot.clickOn(bar.replacementField()).write("count");
        robot.clickOn("Replace all");
        assertThat(editor.getText()).isEqualTo("int count = 1;\ncount = count + 1;");
        assertThat(bar.countText()).isEqualTo("No results");
        robot.type(KeyCode.ESCAPE);
        assertThat(bar.isOpen()).isFalse();
        assertThat(keysSeenByShell).isEmpty();
        Await.until("editor.getCodeArea().isFocused()", Duration.ofSeconds(5), () -> editor.getCodeArea().isFocused());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(editor.getText()).isEqualTo(code);
    }

    @Test
    void diagnosticsUnderlineTheirSpanShowTheMessageOnHoverAndAnEditClearsThem(FxRobot robot) {
        String code = "int x = \"text\";";
        setTextAndFocus(robot, code, 0);
        String message = "incompatible types: java.lang.String cannot be converted to int";
        robot.interact(() -> editor.showDiagnostics(List.of(new Diagnostic(true, 8, 14, 1, 9, message))));
        Await.until("hasStyle(robot, 10, \"diagnostic-error\")", Duration.ofSeconds(5),
                () -> hasStyle(robot, 10, "diagnostic-error"));
        assertThat(stylesAt(robot, 3)).doesNotContain("diagnostic-error");
        assertThat(stylesAt(robot, 10)).contains("string");

        Bounds charBounds = onFx(() -> editor.getCodeArea().getCharacterBoundsOnScreen(10, 11).orElseThrow());
        robot.moveTo(new Point2D(charBounds.getMinX() + 2, charBounds.getCenterY()));
        robot.moveBy(1, 0);
        Await.until("editor.diagnosticTooltip().isShowing()", Duration.ofSeconds(5),
                () -> editor.diagnosticTooltip().isShowing());
        assertThat(editor.diagnosticTooltip().getText()).isEqualTo(message);

        robot.interact(() -> editor.moveCaretTo(code.length()));
        robot.write(" ");
        Await.until("!hasStyle(robot, 10, \"diagnostic-error\")", Duration.ofSeconds(5),
                () -> !hasStyle(robot, 10, "diagnostic-error"));
        assertThat(editor.getDiagnostics()).isEmpty();
    }

    @Test
    void aDiagnosticWithAnEmptySpanStillMarksOneCharacter(FxRobot robot) {
        setTextAndFocus(robot, "int x = 1", 0);
        robot.interact(() -> editor.showDiagnostics(List.of(new Diagnostic(true, 9, 9, 1, 10, "';' expected"))));
        Await.until("hasStyle(robot, 8, \"diagnostic-error\")", Duration.ofSeconds(5),
                () -> hasStyle(robot, 8, "diagnostic-error"));
        assertThat(editor.diagnosticMessageAt(8)).contains("';' expected");
    }

    @Test
    void runKeysAndEscapeBubbleToTheShellWithoutEditing(FxRobot robot) {
        setTextAndFocus(robot, "x", 1);
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        robot.press(KeyCode.ALT).type(KeyCode.ENTER).release(KeyCode.ALT);
        robot.type(KeyCode.ESCAPE);
        assertThat(keysSeenByShell).containsExactly("Shift+ENTER", "Ctrl+ENTER", "Alt+ENTER", "ESCAPE");
        assertThat(editor.getText()).isEqualTo("x");
    }

    @Test
    void fontSizeFollowsTheInheritedZoomAndTheProperty(FxRobot robot) {
        setTextAndFocus(robot, "int zoom = 2;", 0);
        robot.interact(() -> root.setStyle("-fx-font-size: 26px;"));
        Await.until("firstTextSize(robot) == 26.0", Duration.ofSeconds(5), () -> firstTextSize(robot) == 26.0);
        robot.interact(() -> editor.fontSizeProperty().set(31));
        Await.until("firstTextSize(robot) == 31.0", Duration.ofSeconds(5), () -> firstTextSize(robot) == 31.0);
    }

    private double firstTextSize(FxRobot robot) {
        return onFx(() -> {
            javafx.scene.Node n = editor.getCodeArea().lookup(".text");
            return n instanceof Text ? ((Text) n).getFont().getSize() : -1.0;
        });
    }

    /** The area's height once it matches its laid-out text (the estimate settles within a few pulses). */
    private double fittedHeight() {
        Await.until("the editor's height to fit its text", Duration.ofSeconds(5),
                () -> onFx(() -> {
            Double estimate = editor.getCodeArea().getTotalHeightEstimate();
            double height = editor.getCodeArea().getHeight();
            return estimate != null && height > estimate && height < estimate + 20
                    && height == editor.getCodeArea().getPrefHeight();
        }));
        return onFx(() -> editor.getCodeArea().getHeight());
    }

    @Test
    void growsWithItsTextInsteadOfScrolling(FxRobot robot) {
        setTextAndFocus(robot, "a();\nb();", 0);
        double twoLines = fittedHeight();
        setTextAndFocus(robot, "a();\n".repeat(19) + "b();", 0);
        Await.until("editor.getCodeArea().getHeight() > twoLines * 8", Duration.ofSeconds(5),
                () -> editor.getCodeArea().getHeight() > twoLines * 8);
        double twenty = fittedHeight();
        assertThat(twenty).isLessThan(twoLines * 11);
        // Every line is on screen: the last one lies inside the area's visible bounds.
        Bounds last = onFx(() -> editor.getCodeArea().getCharacterBoundsOnScreen(98, 99).orElseThrow());
        Bounds area = onFx(() -> editor.getCodeArea().localToScreen(editor.getCodeArea().getBoundsInLocal()));
        assertThat(last.getMaxY()).isLessThanOrEqualTo(area.getMaxY() + 0.5);
    }

    @Test
    void documentationPopupShowsSignatureAndJavadocFromTheSource(FxRobot robot) {
        List<String> asked = new ArrayList<>();
        robot.interact(() -> editor.setDocumentationSource((code, cursor) -> {
            asked.add(code.substring(0, cursor));
            return CompletableFuture.supplyAsync(() -> List.of(new SymbolDoc(
                    "void java.io.PrintStream.println(String x)",
                    "Prints a String and then terminates the line.\n@param x The {@code String} to be printed.")));
        }));
        setTextAndFocus(robot, "System.out.println", 18);
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        Await.until("editor.isDocumentationShowing()", Duration.ofSeconds(5), () -> editor.isDocumentationShowing());
        assertThat(asked).containsExactly("System.out.println");
        assertThat(editor.documentationPopup().text())
                .contains("void java.io.PrintStream.println(String x)")
                .contains("Prints a String and then terminates the line.")
                .contains("@param x The String to be printed.");
        robot.type(KeyCode.ESCAPE);
        assertThat(editor.isDocumentationShowing()).isFalse();
        assertThat(keysSeenByShell).isEmpty();
        assertThat(editor.getText()).isEqualTo("System.out.println");
    }
}
