package lessonbook.format.md;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import lessonbook.model.Output;
import lessonbook.model.StreamName;

/** Saved output text read back: what it recognises prints back as read, and reading is linear time. */
class OutputTextParserTest {
    private static String text(List<Output> outputs) {
        StringBuilder text = new StringBuilder();
        outputs.forEach(o -> text.append(o.text()));
        return text.toString();
    }

    @Test
    void aRunOfDiagnosticsStopsBeforeTheFirstThatWouldNotPrintBack() {
        String good = "|  Error at line 1, column 5:\n|  cannot find symbol\n";
        String odd = "|  Error at line 01, column 1:\n";
        String saved = good + good + odd + good;

        List<Output> outputs = OutputTextParser.parse(saved, "int x = y;\n");

        assertThat(text(outputs)).isEqualTo(saved);
        assertThat(outputs.get(0)).isInstanceOfSatisfying(Output.CompileError.class,
                e -> assertThat(e.diagnostics()).hasSize(2));
        assertThat(outputs.get(1)).isEqualTo(new Output.Stream(StreamName.STDOUT, odd));
        assertThat(outputs.get(2)).isInstanceOf(Output.CompileError.class);
    }

    @Test
    void twoHundredThousandOddDiagnosticLinesReadWithinATimeBound() {
        String saved = "|  Error at line 01, column 1:\n".repeat(200_000);

        List<Output> outputs = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> OutputTextParser.parse(saved, "int x = 1;\n"));

        assertThat(text(outputs)).isEqualTo(saved);
    }

    @Test
    void manyDiagnosticsOnALongCellArePlacedWithoutRescanningIt() {
        String source = "int x = 1;\n".repeat(100_000);
        String saved = "|  Error at line 99999, column 3:\n|  boom\n".repeat(50_000);

        List<Output> outputs = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> OutputTextParser.parse(saved, source));

        assertThat(text(outputs)).isEqualTo(saved);
        Output.CompileError error = (Output.CompileError) outputs.get(0);
        assertThat(error.diagnostics().get(0).start()).isEqualTo(99_998 * 11 + 2);
    }
}
