package lessonbook.kernel.client;

import lessonbook.testkit.KernelHarness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import lessonbook.kernel.protocol.KernelEvent.Outcome;
import lessonbook.kernel.protocol.KernelRequest;
import lessonbook.model.Output;

/**
 * A cell reading System.in, as an intro course's first programs do: the kernel asks the host for each line, the
 * host answers through the protocol, the cell reads it (echoed into its output), end of input is end of input,
 * and an interrupt ends the wait like any other.
 */
class CellStdinTest {
    private static KernelHarness harness;
    /** Input requests as the listener heard them: cell id and the cell's stdout at that moment. */
    private static final BlockingQueue<Asked> ASKED = new LinkedBlockingQueue<>();

    private record Asked(String cellId, long inputId, String stdoutSoFar) {
    }

    @BeforeAll
    static void startKernel() throws Exception {
        harness = new KernelHarness();
        harness.kernel.addListener(new KernelListener() {
            @Override
            public void onInputRequested(String cellId, long inputId) {
                ASKED.add(new Asked(cellId, inputId, KernelHarness.streamText(harness.outputsOf(cellId),
                        lessonbook.model.StreamName.STDOUT)));
            }
        });
        harness.kernel.enableInputRequests();
        harness.kernel.ready().get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopKernel() {
        harness.close();
    }

    @Test
    void aCellReadsTwoLinesWithScanner() throws Exception {
        String cell = KernelHarness.newCellId();
        CompletableFuture<CellRun> run = harness.kernel.execute(cell, """
                Scanner in = new Scanner(System.in);
                System.out.print("Your name? ");
                String name = in.nextLine();
                System.out.print("Your age? ");
                int age = Integer.parseInt(in.nextLine());
                System.out.println(name + " is " + age);
                """);
        Asked first = nextRequest(cell);
        assertThat(first.stdoutSoFar()).isEqualTo("Your name? ");
        harness.kernel.answerInput(first.inputId(), "Ada");
        Asked second = nextRequest(cell);
        assertThat(second.stdoutSoFar()).isEqualTo("Your name? Ada\nYour age? ");
        harness.kernel.answerInput(second.inputId(), "36");
        assertThat(run.get(30, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.OK);
        assertThat(KernelHarness.streamText(harness.outputsOf(cell), lessonbook.model.StreamName.STDOUT))
                .isEqualTo("Your name? Ada\nYour age? 36\nAda is 36\n");
    }

    @Test
    void endOfInputIsWhatScannerAndReadLineSeeAsEndOfInput() throws Exception {
        String cell = KernelHarness.newCellId();
        CompletableFuture<CellRun> run = harness.kernel.execute(cell, """
                var reader = new BufferedReader(new InputStreamReader(System.in));
                System.out.println("readLine: " + reader.readLine());
                System.out.println("hasNextLine: " + new Scanner(System.in).hasNextLine());
                new Scanner(System.in).nextLine();
                """);
        harness.kernel.answerInput(nextRequest(cell).inputId(), null);
        CellRun ran = run.get(30, TimeUnit.SECONDS);
        // end of input lasts for the rest of the run: no further request
        assertThat(ASKED).isEmpty();
        assertThat(ran.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(harness.outputsOf(cell)).anySatisfy(o -> assertThat(o.text()).contains("No line found"));
        assertThat(KernelHarness.streamText(harness.outputsOf(cell), lessonbook.model.StreamName.STDOUT))
                .isEqualTo("readLine: null\nhasNextLine: false\n");
    }

    @Test
    void interruptEndsTheWaitAndTheKernelKeepsItsDefinitions() throws Exception {
        harness.run("int kept = 7;");
        long pid = harness.kernel.pid();
        String cell = KernelHarness.newCellId();
        CompletableFuture<CellRun> run = harness.kernel.execute(cell, "String line = new Scanner(System.in).nextLine();");
        Asked asked = nextRequest(cell);
        harness.kernel.interrupt();
        CellRun interrupted = run.get(10, TimeUnit.SECONDS);
        assertThat(interrupted.outcome()).as("outputs %s", harness.outputsOf(cell)).isEqualTo(Outcome.INTERRUPTED);
        assertThat(harness.outputsOf(cell)).contains(new Output.Notice("Interrupted."));
        // the lapsed request's answer goes nowhere; the next cell asks afresh
        harness.kernel.answerInput(asked.inputId(), "too late");
        String next = KernelHarness.newCellId();
        CompletableFuture<CellRun> again = harness.kernel.execute(next, "new Scanner(System.in).nextLine() + kept");
        harness.kernel.answerInput(nextRequest(next).inputId(), "on time ");
        CellRun ran = again.get(30, TimeUnit.SECONDS);
        assertThat(ran.outcome()).isEqualTo(Outcome.OK);
        assertThat(harness.outputsOf(next)).anySatisfy(o -> assertThat(o).isInstanceOfSatisfying(Output.Value.class,
                v -> assertThat(v.value()).isEqualTo("\"on time 7\"")));
        assertThat(harness.kernel.pid()).isEqualTo(pid);
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedWithAMessage() {
        String tooLong = "x".repeat(KernelRequest.InputReply.MAX_LINE_CHARS + 1);
        assertThatThrownBy(() -> harness.kernel.answerInput(1, tooLong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + KernelRequest.InputReply.MAX_LINE_CHARS + " characters");
    }

    private static Asked nextRequest(String cellId) throws InterruptedException {
        Asked asked = ASKED.poll(30, TimeUnit.SECONDS);
        assertThat(asked).as("an input request of " + cellId).isNotNull();
        assertThat(asked.cellId()).isEqualTo(cellId);
        return asked;
    }
}
