package lessonbook.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What a cell keeps of what it prints: head, one counting marker, tail; every character printable. */
class OutputBudgetTest {
    private static final OutputBudget SMALL = new OutputBudget(100, 50);

    @Test
    void outputWithinTheBudgetIsKeptAsItCame() {
        List<Output> kept = SMALL.append(List.of(), List.of(out("a\n"), out("b\n")));
        assertThat(kept).containsExactly(out("a\n"), out("b\n"));
    }

    @Test
    void aFloodKeepsTheHeadOneMarkerAndTheTailWhateverItsLength() {
        List<Output> kept = List.of();
        long lines = 0;
        for (int batch = 0; batch < 1000; batch++) {
            List<Output> added = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                added.add(out("line " + (lines++) + "\n"));
            }
            kept = SMALL.append(kept, added);
        }

        String text = text(kept);
        assertThat(text).startsWith("line 0\nline 1\n").endsWith("line 9999\n");
        assertThat(kept).filteredOn(Output.Omitted.class::isInstance).hasSize(1);
        assertThat(text.length()).isLessThan(100 + 50 + 80);
        Output.Omitted omitted = (Output.Omitted) kept.stream().filter(Output.Omitted.class::isInstance).findFirst()
                .orElseThrow();
        long keptLines = text.lines().count() - 1;
        assertThat(omitted.lines() + keptLines).isEqualTo(10_000);
    }

    @Test
    void everyLineIsKeptOrCountedAtTheDefaultBudget() {
        List<Output> kept = List.of();
        int line = 0;
        for (int batch = 0; batch < 997; batch++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 1 + batch % 1500; i++) {
                text.append(line++).append('\n');
            }
            kept = OutputBudget.DEFAULT.append(kept, List.of(out(text.toString())));
        }
        long omitted = kept.stream().filter(Output.Omitted.class::isInstance)
                .mapToLong(o -> ((Output.Omitted) o).lines()).sum();
        assertThat(text(kept).lines().count() - 1 + omitted).isEqualTo(line);
    }

    @Test
    void markersFromTheKernelAddUpWhenTheyFallOutOfTheTail() {
        List<Output> kept = List.of();
        for (int i = 0; i < 20; i++) {
            kept = SMALL.append(kept, List.of(new Output.Omitted(1000, 8000), out("tail " + i + "\n")));
        }
        long omittedLines = kept.stream().filter(Output.Omitted.class::isInstance)
                .mapToLong(o -> ((Output.Omitted) o).lines()).sum();
        long shownTails = text(kept).lines().filter(l -> l.startsWith("tail ")).count();
        assertThat(omittedLines).isEqualTo(20 * 1000 + (20 - shownTails));
        assertThat(text(kept)).endsWith("tail 19\n");
    }

    @Test
    void workerStartsAndExitsAreKeptWhenTheLinesAroundThemAreNot() {
        Output started = new Output.WorkerEvent("w", 7, Output.WorkerEvent.Phase.STARTED, 1, null, 0);
        List<Output> kept = SMALL.append(List.of(), List.of(out("x".repeat(99) + "\n"), started));
        for (int i = 0; i < 50; i++) {
            kept = SMALL.append(kept, List.of(out("more " + i + "\n")));
        }
        assertThat(kept).contains(started);
    }

    @Test
    void aTimeoutsNoteIsKeptWhenTheFloodGoesOnAfterIt() {
        Output timedOut = new Output.Notice("The cell ran longer than 10 s and was interrupted.");
        List<Output> kept = SMALL.append(List.of(), List.of(out("x".repeat(99) + "\n"), timedOut));
        for (int i = 0; i < 50; i++) {
            kept = SMALL.append(kept, List.of(out("more " + i + "\n")));
        }
        kept = SMALL.append(kept, List.of(new Output.Notice("Interrupted.")));
        assertThat(kept).contains(timedOut, new Output.Notice("Interrupted."));
        assertThat(text(kept)).endsWith("more 49\n|  Interrupted.\n");
    }

    @Test
    void oneEndlessLineIsCutIntoHeadAndTail() {
        List<Output> kept = SMALL.append(List.of(), List.of(out("z".repeat(10_000))));
        assertThat(kept).hasSize(3);
        assertThat(((Output.Omitted) kept.get(1)).bytes()).isEqualTo(10_000 - 150);
        assertThat(((Output.Omitted) kept.get(1)).lines()).isZero();
    }

    @Test
    void controlCharactersBecomeTheirJavaEscapes() {
        List<Output> kept = SMALL.append(List.of(), List.of(out("a\u0000b\u001b[31mc\r\nd\re\u007f\n")));
        assertThat(text(kept)).isEqualTo("a\\u0000b\\u001B[31mc\nd\\u000De\\u007F\n");
    }

    @Test
    void theMarkerReadsBackFromItsText() {
        Output.Omitted omitted = new Output.Omitted(98_765_432, 1_503_238_553L);
        String line = omitted.text();
        assertThat(line).isEqualTo("|  \u2026 98,765,432 lines (1.4 GB) not kept \u2026\n");
        assertThat(OmittedText.parse(line.substring(0, line.length() - 1)).text()).isEqualTo(line);
        assertThat(new Output.Omitted(0, 500).text()).isEqualTo("|  \u2026 500 bytes not kept \u2026\n");
        assertThat(OmittedText.parse("|  \u2026 something else not kept \u2026")).isNull();
    }

    private static Output.Stream out(String text) {
        return new Output.Stream(StreamName.STDOUT, text);
    }

    private static String text(List<Output> outputs) {
        StringBuilder text = new StringBuilder();
        outputs.forEach(o -> text.append(o.text()));
        return text.toString();
    }
}
