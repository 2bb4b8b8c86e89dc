package lessonbook.kernel.jvm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

/**
 * Who uses JShell when: the evaluating thread in its requests, a question while a cell's code runs or between
 * requests, never two at once. The evaluating thread's steps run on the test's thread, a question on another.
 */
class JShellTurnsTest {
    private final JShellTurns turns = new JShellTurns();

    /** Starts a question on its own thread; the future completes when it has its turn (it keeps it until told). */
    private CompletableFuture<Void> ask(long after, CompletableFuture<Void> release) {
        CompletableFuture<Void> hasTurn = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                turns.beginQuestion(after);
                hasTurn.complete(null);
                release.get(10, TimeUnit.SECONDS);
                turns.endQuestion();
            } catch (Exception e) {
                hasTurn.completeExceptionally(e);
            }
        });
        thread.setDaemon(true);
        thread.start();
        return hasTurn;
    }

    private static void assertWaits(CompletableFuture<?> future) {
        assertThatThrownBy(() -> future.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
    }

    @Test
    void aQuestionWaitsWhileACellCompilesAndIsAnsweredWhileItsCodeRuns() throws Exception {
        turns.queued();
        turns.beginRequest();
        CompletableFuture<Void> release = new CompletableFuture<>();
        CompletableFuture<Void> question = ask(turns.questionAsked(), release);
        assertWaits(question);   // JShell compiles the cell
        turns.codeStarts();
        question.get(10, TimeUnit.SECONDS);
        release.complete(null);
        turns.codeEnded();
        turns.endRequest();
    }

    @Test
    void theCellsEndWaitsForTheQuestionBeingAnswered() throws Exception {
        turns.queued();
        turns.beginRequest();
        turns.codeStarts();
        CompletableFuture<Void> release = new CompletableFuture<>();
        ask(turns.questionAsked(), release).get(10, TimeUnit.SECONDS);
        CompletableFuture<Void> ended = CompletableFuture.runAsync(turns::codeEnded);
        assertWaits(ended);
        release.complete(null);
        ended.get(10, TimeUnit.SECONDS);
        turns.endRequest();
    }

    @Test
    void aQuestionWaitsForTheRequestsThatArrivedBeforeIt() throws Exception {
        turns.queued();   // a cell, running its code
        turns.queued();   // the variables, asked for behind it
        turns.beginRequest();
        turns.codeStarts();
        CompletableFuture<Void> release = new CompletableFuture<>();
        CompletableFuture<Void> question = ask(turns.questionAsked(), release);
        assertWaits(question);
        turns.codeEnded();
        turns.endRequest();
        turns.beginRequest();
        assertWaits(question);
        turns.endRequest();
        question.get(10, TimeUnit.SECONDS);
        release.complete(null);
    }

    @Test
    void theKernelsOwnSnippetsOutsideARequestLendNothing() throws Exception {
        turns.codeStarts();   // the start-up imports and warm-up, before any request
        turns.codeEnded();
        CompletableFuture<Void> release = CompletableFuture.completedFuture(null);
        ask(turns.questionAsked(), release).get(10, TimeUnit.SECONDS);
        turns.queued();
        // nothing was left taken: the first request gets JShell
        CompletableFuture.runAsync(turns::beginRequest).get(10, TimeUnit.SECONDS);
    }
}
