package lessonbook.kernel.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.testkit.KernelHarness;

/** The Variables panel's question, asked of a real kernel: what each variable holds, without running its code. */
class KernelVariablesTest {
    @RegisterExtension
    static final KernelHarness harness = KernelHarness.ready();

    private static Map<String, KernelEvent.Variable> variables() throws Exception {
        return harness.kernel.variables().get(30, TimeUnit.SECONDS).variables().stream()
                .collect(Collectors.toMap(KernelEvent.Variable::name, v -> v));
    }

    @Test
    void eachVariableShowsItsDeclaredTypeAndAPreviewOfItsValue() throws Exception {
        harness.run("int count = 42;\nString greeting = \"hi\\nthere\";\nList<Long> results = new ArrayList<>("
                + "List.of(1L, 2L, 3L));\nint[] squares = IntStream.range(0, 20).map(i -> i * i).toArray();\n"
                + "record Result(long input, String worker) {}\nvar first = new Result(7, \"Worker-1\");\n"
                + "Map<String, Integer> ages = new TreeMap<>(Map.of(\"ada\", 36, \"alan\", 41));\n"
                + "Runnable task = () -> {};\nString nothing = null;\nchar nul = 0;\n"
                + "java.math.BigInteger huge = null;\n{ huge = java.math.BigInteger.TWO.pow(2_000_000); }");

        Map<String, KernelEvent.Variable> seen = variables();

        assertThat(seen.get("count").type()).isEqualTo("int");
        assertThat(seen.get("count").value()).isEqualTo("42");
        assertThat(seen.get("count").declaredIn()).matches("In \\[\\d+\\], line 1");
        assertThat(seen.get("greeting").value()).isEqualTo("\"hi\\nthere\"");
        assertThat(seen.get("results").type()).isEqualTo("List<Long>");
        assertThat(seen.get("results").value()).isEqualTo("ArrayList {1, 2, 3}");
        assertThat(seen.get("results").declaredIn()).isEqualTo(seen.get("count").declaredIn().replace("line 1", "line 3"));
        assertThat(seen.get("squares").value()).isEqualTo("int[20] {0, 1, 4, 9, 16, 25, 36, 49, 64, 81, \u2026 20 in all}");
        assertThat(seen.get("first").value()).isEqualTo("Result[input=7, worker=\"Worker-1\"]");
        assertThat(seen.get("ages").value()).isEqualTo("TreeMap {\"ada\"=36, \"alan\"=41}");
        assertThat(seen.get("task").value()).isEqualTo("a lambda");
        assertThat(seen.get("nothing").value()).isEqualTo("null");
        assertThat(seen.get("nul").value()).isEqualTo("'\\u0000'");
        assertThat(seen.get("huge").value()).isEqualTo("a BigInteger of 2000001 bits");
    }

    @Test
    void aToStringThatNeverReturnsIsNotRunAndTheKernelAnswersOn() throws Exception {
        // the cell's own feedback (loop ==> ...) runs toString as jshell's does: it loops only from the next cell on
        harness.run("class Forever { static boolean stuck; public String toString() { while (stuck) { } return \"\"; } }\n"
                + "Forever loop = new Forever();\nList<Forever> loops = new ArrayList<>(List.of(loop));\n"
                + "var wrapped = Collections.unmodifiableList(loops);\nForever.stuck = true;");

        Map<String, KernelEvent.Variable> seen = variables();

        assertThat(seen.get("loop").value()).isEqualTo("a Forever");
        assertThat(seen.get("loops").value()).isEqualTo("ArrayList {a Forever}");
        assertThat(seen.get("wrapped").value()).isEqualTo("an UnmodifiableRandomAccessList");
        assertThat(harness.run("1 + 1").only(lessonbook.model.Output.Value.class).value()).isEqualTo("2");
    }

    @Test
    void aVariableRedeclaredShowsOnceWithItsNewTypeAndAFailedOneNotAtAll() throws Exception {
        harness.run("int twice = 1;");
        harness.run("String twice = \"two\";");
        harness.run("int broken = undefinedThing;");
        harness.run("twice.length()");

        Map<String, KernelEvent.Variable> seen = variables();

        assertThat(seen.get("twice").type()).isEqualTo("String");
        assertThat(seen.get("twice").value()).isEqualTo("\"two\"");
        assertThat(seen).doesNotContainKey("broken");
        assertThat(seen.keySet()).noneMatch(name -> name.startsWith("$"));   // an expression's value is no variable
    }

    @Test
    void theWorkerApisObjectsShowWhatTheirOwnToStringSays() throws Exception {
        harness.run("import lessonbook.workers.*;\nvar tally = new SharedLong();\ntally.addAndGet(7);\n"
                + "var inbox = new WorkerQueue<String>();\ninbox.put(\"hi\");");

        Map<String, KernelEvent.Variable> seen = variables();

        assertThat(seen.get("tally").value()).isEqualTo("7");
        assertThat(seen.get("inbox").value()).isEqualTo(harness.run("inbox.toString()")
                .only(lessonbook.model.Output.Value.class).value().replace("\"", ""));
    }
}
