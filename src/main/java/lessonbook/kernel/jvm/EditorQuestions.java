package lessonbook.kernel.jvm;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.kernel.protocol.KernelRequest;

/**
 * Answers the editor's questions (completions, documentation) on a thread of their own, taking turns with the
 * evaluating thread ({@link JShellTurns}): Ctrl+Space in the next cell works while a long cell runs. Every question
 * gets an answer, so the host never waits on one in vain: at most {@link #MAX_WAITING} wait for their turn, and one
 * asked beyond that (keys held down while a cell compiles) is answered at once with nothing.
 */
final class EditorQuestions {
    static final int MAX_WAITING = 16;

    private record Question(KernelRequest request, long after) {
    }

    private final BlockingQueue<Question> waiting = new ArrayBlockingQueue<>(MAX_WAITING);
    private final JShellTurns turns;
    private final Function<KernelRequest, KernelEvent> answer;
    private final OutputHub hub;
    private final Runnable answered;

    /**
     * @param answer   JShell's answer to a {@link KernelRequest.Complete} or {@link KernelRequest.Documentation}
     * @param answered called after each answer is sent
     */
    EditorQuestions(JShellTurns turns, Function<KernelRequest, KernelEvent> answer, OutputHub hub,
            Runnable answered) {
        this.turns = turns;
        this.answer = answer;
        this.hub = hub;
        this.answered = answered;
    }

    static boolean isQuestion(KernelRequest request) {
        return request instanceof KernelRequest.Complete || request instanceof KernelRequest.Documentation;
    }

    void start() {
        Thread thread = new Thread(this::serve, "lessonbook-kernel-editor-questions");
        thread.setDaemon(true);
        thread.start();
    }

    /** On the socket reader thread; never waits for a turn (a refusal is sent from this thread). */
    void ask(KernelRequest question) {
        if (!waiting.offer(new Question(question, turns.questionAsked()))) {
            hub.sendAfterPending(nothing(question));
            answered.run();
        }
    }

    private void serve() {
        try {
            while (true) {
                Question question = waiting.take();
                KernelEvent reply;
                turns.beginQuestion(question.after());
                try {
                    reply = answer.apply(question.request());
                } catch (RuntimeException | StackOverflowError e) {
                    // JShell failing on text it cannot analyse: this question gets nothing, and the thread lives on
                    // for the next (javac catches its own stack overflow on a 200,000-deep expression; not relied on)
                    e.printStackTrace(KernelMain.originalErr());
                    reply = nothing(question.request());
                } catch (OutOfMemoryError e) {
                    KernelMemory.endKernel(e);   // JShell's own work, not a cell's
                    throw e;
                } finally {
                    turns.endQuestion();
                }
                hub.sendAfterPending(reply);
                answered.run();
            }
        } catch (InterruptedException e) {
            // the kernel is ending
        }
    }

    /** The empty answer to a question. */
    static KernelEvent nothing(KernelRequest question) {
        if (question instanceof KernelRequest.Complete complete) {
            return new KernelEvent.Completions(complete.requestId(), complete.cursor(), List.of());
        }
        return new KernelEvent.DocumentationResult(((KernelRequest.Documentation) question).requestId(), List.of());
    }
}
