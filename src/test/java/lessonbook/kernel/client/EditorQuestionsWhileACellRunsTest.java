package lessonbook.kernel.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.kernel.protocol.KernelEvent.Outcome;
import lessonbook.model.Output;
import lessonbook.testkit.KernelHarness;

/**
 * Ctrl+Space and Shift+Tab in the next cell while a long cell runs, as a teacher types ahead during a slow cell: the
 * kernel answers while the cell's code runs, not after it ends (which for a runaway cell is never). An answer knows
 * what the cells that ran (or run) before it define.
 */
class EditorQuestionsWhileACellRunsTest {
    @RegisterExtension
    static final KernelHarness harness = KernelHarness.ready();

    @Test
    void completionAndDocumentationAreAnsweredWhileARunawayCellRuns() throws Exception {
        harness.run("int classSize = 30;");
        String cell = KernelHarness.newCellId();
        CompletableFuture<CellRun> runaway = harness.startRunning(cell,
                "System.out.println(\"looping\"); long turns = 0; while (true) { turns++; }");
        harness.awaitStdout(cell, "looping");

        KernelEvent.Completions completions = harness.kernel.complete("classS", 6).get(20, TimeUnit.SECONDS);
        assertThat(completions.suggestions()).extracting(KernelEvent.Suggestion::continuation)
                .contains("classSize");
        List<KernelEvent.Doc> docs = harness.kernel.documentation("Math.max(", 9).get(20, TimeUnit.SECONDS);
        assertThat(docs).extracting(KernelEvent.Doc::signature).anyMatch(s -> s.contains("max(int"));
        assertThat(runaway).as("the cell still runs").isNotDone();

        harness.kernel.interrupt();
        assertThat(runaway.get(30, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.INTERRUPTED);
        assertThat(harness.run("classSize + 1").only(Output.Value.class).value())
                .as("the kernel kept its definitions").isEqualTo("31");
    }

    @Test
    void anAnswerKnowsWhatIsDefinedWhenItIsGivenNotWhatWaitsInTheQueue(@TempDir Path dir) throws Exception {
        Path go = dir.resolve("go");
        String slow = KernelHarness.newCellId();
        String gate = go.toString().replace("\\", "\\\\");
        CompletableFuture<CellRun> waiting = harness.startRunning(slow, "System.out.println(\"waiting\");"
                + " while (!java.nio.file.Files.exists(java.nio.file.Path.of(\"" + gate + "\"))) { Thread.sleep(5); }");
        harness.awaitStdout(slow, "waiting");
        CompletableFuture<CellRun> defining = harness.kernel.execute(KernelHarness.newCellId(),
                "void greetTheClassLater() { }");

        // The cell queued behind the running one has not run: its method is not offered yet, and the answer does
        // not wait for it.
        assertThat(harness.kernel.complete("greetTheClassL", 14).get(20, TimeUnit.SECONDS).suggestions()).isEmpty();
        assertThat(waiting).isNotDone();
        Files.createFile(go);
        assertThat(waiting.get(30, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.OK);
        assertThat(defining.get(30, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.OK);
        assertThat(harness.kernel.complete("greetTheClassL", 14).get(20, TimeUnit.SECONDS).suggestions())
                .extracting(KernelEvent.Suggestion::continuation).contains("greetTheClassLater()");
    }

    @Test
    void aQuestionJShellCannotMakeSenseOfIsAnsweredAndTheNextOneToo() throws Exception {
        String deep = "(".repeat(200_000) + "Sys";
        assertThat(harness.kernel.complete(deep, deep.length()).get(30, TimeUnit.SECONDS).suggestions()).isEmpty();
        assertThat(harness.kernel.documentation(deep, deep.length()).get(30, TimeUnit.SECONDS)).isEmpty();
        assertThat(harness.kernel.complete("System.out.pri", 14).get(20, TimeUnit.SECONDS).suggestions())
                .extracting(KernelEvent.Suggestion::continuation).anyMatch(c -> c.startsWith("println("));
    }

    @Test
    void aDefinitionSentJustBeforeAQuestionIsInItsAnswer() throws Exception {
        for (int i = 0; i < 5; i++) {
            String name = "justDefined" + i;
            // no wait between the two, as when a cell is run and Ctrl+Space pressed in the next at once
            CompletableFuture<CellRun> defined = harness.kernel.execute(KernelHarness.newCellId(),
                    "int " + name + " = " + i + ";");
            KernelEvent.Completions completions = harness.kernel.complete(name, name.length())
                    .get(20, TimeUnit.SECONDS);
            assertThat(completions.suggestions()).extracting(KernelEvent.Suggestion::continuation).contains(name);
            // the next cell then goes to the kernel at once, not into the host's queue behind this one
            defined.get(20, TimeUnit.SECONDS);
        }
    }
}
