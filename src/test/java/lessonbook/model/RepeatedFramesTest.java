package lessonbook.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class RepeatedFramesTest {
    @Test
    void aRunawayRecursionShowsItsFrameOnceAndHowOftenItRepeated() {
        List<String> frames = new ArrayList<>(Collections.nCopies(1024, "countDown (#13:1)"));

        assertThat(RepeatedFrames.fold(frames)).containsExactly("countDown (#13:1)",
                "... the line above, repeated 1,023 more times");
    }

    @Test
    void methodsThatCallEachOtherFoldAsTheirCycleAndTheFramesAroundStay() {
        List<String> frames = new ArrayList<>(List.of("helper (#5:2)"));
        for (int i = 0; i < 300; i++) {
            frames.add("isEven (#4:1)");
            frames.add("isOdd (#4:5)");
        }
        frames.add("(#6:1)");

        assertThat(RepeatedFrames.fold(frames)).containsExactly("helper (#5:2)", "isEven (#4:1)", "isOdd (#4:5)",
                "... the 2 lines above, repeated 299 more times", "(#6:1)");
    }

    @Test
    void aTraceWithoutLongRepetitionsIsLeftAsItIs() {
        List<String> frames = List.of("f (#1:1)", "f (#1:1)", "f (#1:1)", "g (#2:1)", "h (#3:1)", "g (#2:1)");

        assertThat(RepeatedFrames.fold(frames)).isEqualTo(frames);
        assertThat(RepeatedFrames.fold(List.of())).isEmpty();
    }

    @Test
    void theMarkerPrintsWithoutAtAndAFrameWith() {
        Output.Error error = new Output.Error("java.lang.StackOverflowError", null,
                RepeatedFrames.fold(Collections.nCopies(10, "down (#2:1)")));

        assertThat(error.text()).isEqualTo("""
                |  Exception java.lang.StackOverflowError
                |        at down (#2:1)
                |        ... the line above, repeated 9 more times
                """);
    }
}
