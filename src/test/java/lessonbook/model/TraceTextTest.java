package lessonbook.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class TraceTextTest {

    @Test
    void aSmallTraceReadsAsPrintStackTracePrintsIt() {
        IllegalStateException thrown = new IllegalStateException("outer", new IllegalArgumentException("inner"));
        thrown.addSuppressed(new RuntimeException("closing", new ArithmeticException("/ by zero")));
        thrown.addSuppressed(new UnsupportedOperationException());

        assertThat(TraceText.of(thrown)).isEqualTo(printed(thrown));
    }

    @Test
    void aCycleOfCausesEndsAsPrintStackTraceEndsIt() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);

        assertThat(TraceText.of(a)).isEqualTo(printed(a)).contains("[CIRCULAR REFERENCE: java.lang.RuntimeException: a]");
    }

    @Test
    void twoHundredThousandCausesShowTheFirstAndCountTheRest() {
        RuntimeException thrown = new RuntimeException("root");
        for (int i = 0; i < 200_000; i++) {
            thrown = new RuntimeException("level " + i, thrown);
        }

        String text = TraceText.of(thrown);

        assertThat(text).startsWith("java.lang.RuntimeException: level 199999\n");
        assertThat(text.lines().filter(l -> l.startsWith("Caused by: "))).hasSize(TraceText.MAX_EXCEPTIONS - 1);
        // 200,001 exceptions, 32 shown
        assertThat(text).endsWith("\t... 199,969 more exceptions (causes or suppressed) not kept\n");
        assertThat(TraceText.causesAfter(thrown)).isEqualTo(200_000);
    }

    @Test
    void aHugeMessageIsCutAndSaysByHowMuch() {
        String huge = "m".repeat(50_000_000);

        String text = TraceText.of(new RuntimeException(huge));

        String first = text.lines().findFirst().orElseThrow();
        // the line is "java.lang.RuntimeException: " and the message: 28 characters more
        assertThat(first).hasSizeLessThan(TraceText.MAX_MESSAGE_CHARS + 100)
                .endsWith(" ... (49,998,028 more characters not kept)");
        String cut = TraceText.message(huge);
        assertThat(TraceText.message(cut)).as("a cut message is not cut again").isEqualTo(cut);
        assertThat(TraceText.message("PoolWorker-1 (pid 7) failed on input 0: " + cut)).endsWith(
                "49,998,000 more characters not kept)");
        assertThat(TraceText.message(null)).isNull();
    }

    @Test
    void aThousandFramesInEachOfManyCausesStopAtTheLineBound() {
        Throwable chain = null;
        for (int i = 0; i < 5; i++) {
            RuntimeException outer = new RuntimeException("level " + i, chain);
            outer.setStackTrace(framesOf("Level" + i, 1_000));
            chain = outer;
        }

        String text = TraceText.of(chain);

        assertThat(text.lines().count()).isEqualTo(TraceText.MAX_LINES + 1);
        assertThat(text).endsWith("\t... the rest of the trace not kept (1,200 lines shown)\n");
    }

    @Test
    void aToStringThatThrowsStillGivesALine() {
        RuntimeException rude = new RuntimeException("x") {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };

        assertThat(TraceText.of(rude)).startsWith(rude.getClass().getName() + " (its toString() threw "
                + "java.lang.IllegalStateException)\n");
    }

    private static StackTraceElement[] framesOf(String type, int count) {
        StackTraceElement[] frames = new StackTraceElement[count];
        for (int i = 0; i < count; i++) {
            frames[i] = new StackTraceElement(type, "step" + i, type + ".java", i + 1);
        }
        return frames;
    }

    private static String printed(Throwable t) {
        StringWriter text = new StringWriter();
        PrintWriter writer = new PrintWriter(text);
        t.printStackTrace(writer);
        writer.flush();
        return text.toString().replace(System.lineSeparator(), "\n");
    }
}
