package lessonbook.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import lessonbook.testkit.Await;

/**
 * Completion through a test source that answers like JShell does for {@code System.out.pri}: the anchor at
 * the start of the member name, overloads repeated. The kernel-backed completion test belongs to the shell.
 */
@ExtendWith(ApplicationExtension.class)
class CompletionTest {

    private JavaCodeEditor editor;
    private final List<String> requests = new ArrayList<>();

    @Start
    void start(Stage stage) {
        editor = new JavaCodeEditor();
        editor.setCompletionSource((code, cursor) -> {
            requests.add(code.substring(0, cursor));
            int anchor = code.lastIndexOf('.', cursor - 1) + 1;
            List<Completions.Suggestion> all = List.of(
                    new Completions.Suggestion("print(", false), new Completions.Suggestion("println(", false),
                    new Completions.Suggestion("println(", false), new Completions.Suggestion("printf(", false),
                    new Completions.Suggestion("equals(", false));
            String prefix = code.substring(anchor, cursor);
            List<Completions.Suggestion> matching = all.stream().filter(s -> s.continuation().startsWith(prefix)).toList();
            // Answer from another thread, as the kernel client does.
            return CompletableFuture.supplyAsync(() -> new Completions(anchor, matching));
        });
        Scene scene = new Scene(new VBox(editor), 700, 400);
        EditorTheme.DARK.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    private void prepare(FxRobot robot, String text) {
        robot.interact(() -> {
            editor.setText(text);
            editor.moveCaretTo(text.length());
            editor.requestEditorFocus();
        });
        Await.until("editor.getCodeArea().isFocused()", Duration.ofSeconds(5), () -> editor.getCodeArea().isFocused());
    }

    private void ctrlSpace(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.SPACE).release(KeyCode.CONTROL);
    }

    @Test
    void ctrlSpaceShowsDistinctSuggestionsAndEnterInsertsTheSelectedOne(FxRobot robot) {
        prepare(robot, "System.out.pri");
        ctrlSpace(robot);
        Await.until("editor.isCompletionShowing()", Duration.ofSeconds(5), () -> editor.isCompletionShowing());
        assertThat(requests).containsExactly("System.out.pri");
        assertThat(editor.completionItems()).containsExactly("print(", "println(", "printf(");
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.ENTER);
        assertThat(editor.getText()).isEqualTo("System.out.println(");
        assertThat(editor.isCompletionShowing()).isFalse();
    }

    @Test
    void typingFiltersTheListAndTabInserts(FxRobot robot) {
        prepare(robot, "System.out.pri");
        ctrlSpace(robot);
        Await.until("editor.isCompletionShowing()", Duration.ofSeconds(5), () -> editor.isCompletionShowing());
        robot.write("ntf");
        Await.until("editor.completionItems().equals(List.of(\"printf(\"))", Duration.ofSeconds(5),
                () -> editor.completionItems().equals(List.of("printf(")));
        robot.type(KeyCode.TAB);
        assertThat(editor.getText()).isEqualTo("System.out.printf(");
    }

    @Test
    void doubleClickInsertsAndEscapeClosesWithoutReachingTheShell(FxRobot robot) {
        prepare(robot, "System.out.pri");
        ctrlSpace(robot);
        Await.until("editor.isCompletionShowing()", Duration.ofSeconds(5), () -> editor.isCompletionShowing());
        robot.type(KeyCode.ESCAPE);
        assertThat(editor.isCompletionShowing()).isFalse();
        assertThat(editor.getText()).isEqualTo("System.out.pri");

        ctrlSpace(robot);
        Await.until("editor.isCompletionShowing()", Duration.ofSeconds(5), () -> editor.isCompletionShowing());
        robot.doubleClickOn("println(");
        Await.until("editor.getText().equals(\"System.out.println(\")", Duration.ofSeconds(5),
                () -> editor.getText().equals("System.out.println("));
    }

    @Test
    void aSingleSuggestionIsInsertedAtOnce(FxRobot robot) {
        prepare(robot, "System.out.eq");
        ctrlSpace(robot);
        Await.until("editor.getText().equals(\"System.out.equals(\")", Duration.ofSeconds(5),
                () -> editor.getText().equals("System.out.equals("));
        assertThat(editor.isCompletionShowing()).isFalse();
    }

    @Test
    void aBusyKernelThatNeverAnswersSaysSoAndNeverBlocksTyping(FxRobot robot) {
        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<Completions> never = new CompletableFuture<>();
        robot.interact(() -> {
            editor.setRequestTimeout(Duration.ofSeconds(2));
            editor.setCompletionSource((code, cursor) -> {
                calls.incrementAndGet();
                return never;
            });
        });
        prepare(robot, "System.out.pri");
        ctrlSpace(robot);
        Await.until("the hint that the kernel is awaited", Duration.ofSeconds(5),
                () -> editor.assistHint().startsWith("Waiting for the kernel's completions"));
        robot.write("nt");
        assertThat(editor.getText()).isEqualTo("System.out.print");
        assertThat(editor.assistHint()).as("typing on hides the hint").isEmpty();
        assertThat(calls).hasValue(1);
        // The timeout passes with the text changed since the request: no hint comes back to interrupt the typing.
        never.orTimeout(3, TimeUnit.SECONDS).exceptionally(e -> null);
        Await.until("the editor's timeout to pass", Duration.ofSeconds(10), never::isDone);
        robot.interact(() -> { });
        assertThat(editor.assistHint()).isEmpty();
        assertThat(editor.isCompletionShowing()).isFalse();
    }

    @Test
    void aReplyPastTheTimeoutShowsNoListAndTheHintSaysTheKernelDidNotAnswer(FxRobot robot) {
        CompletableFuture<Completions> late = new CompletableFuture<>();
        robot.interact(() -> {
            editor.setRequestTimeout(Duration.ofMillis(800));
            editor.setCompletionSource((code, cursor) -> late);
        });
        prepare(robot, "System.out.pri");
        ctrlSpace(robot);
        Await.until("the hint that the kernel did not answer", Duration.ofSeconds(5),
                () -> editor.assistHint().equals("No completions: the kernel did not answer in 800 ms."));
        late.complete(new Completions(11, List.of(new Completions.Suggestion("println(", false),
                new Completions.Suggestion("printf(", false))));
        robot.interact(() -> { });
        assertThat(editor.isCompletionShowing()).isFalse();
        robot.type(KeyCode.ESCAPE);
        assertThat(editor.assistHint()).isEmpty();
    }

    @Test
    void aSlowReplyReplacesTheWaitingHintWithTheList(FxRobot robot) {
        CompletableFuture<Completions> slow = new CompletableFuture<>();
        robot.interact(() -> editor.setCompletionSource((code, cursor) -> slow));
        prepare(robot, "System.out.pri");
        ctrlSpace(robot);
        Await.until("the hint that the kernel is awaited", Duration.ofSeconds(5),
                () -> editor.assistHint().startsWith("Waiting for the kernel's completions"));
        slow.complete(new Completions(11, List.of(new Completions.Suggestion("println(", false),
                new Completions.Suggestion("printf(", false))));
        Await.until("editor.isCompletionShowing()", Duration.ofSeconds(5), () -> editor.isCompletionShowing());
        assertThat(editor.assistHint()).isEmpty();
        assertThat(editor.completionItems()).containsExactly("println(", "printf(");
    }

    @Test
    void aFailingSourceSaysWhyAndKeepsTheText(FxRobot robot) {
        robot.interact(() -> editor.setCompletionSource(
                (code, cursor) -> CompletableFuture.failedFuture(new IllegalStateException("kernel is dead"))));
        prepare(robot, "System.out.pri");
        ctrlSpace(robot);
        Await.until("the hint saying why", Duration.ofSeconds(5),
                () -> editor.assistHint().equals("No completions: the kernel could not answer (kernel is dead)."));
        assertThat(editor.isCompletionShowing()).isFalse();
        assertThat(editor.getText()).isEqualTo("System.out.pri");
    }

    @Test
    void nothingToCompleteSaysSo(FxRobot robot) {
        prepare(robot, "System.out.zzz");
        ctrlSpace(robot);
        Await.until("the hint that nothing completes", Duration.ofSeconds(5),
                () -> editor.assistHint().equals("No completions here."));
        robot.type(KeyCode.LEFT);
        assertThat(editor.assistHint()).as("a caret move hides the hint").isEmpty();
    }
}
