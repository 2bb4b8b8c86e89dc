package lessonbook.kernel.client;

import lessonbook.testkit.KernelHarness;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import lessonbook.model.Output;
import lessonbook.testkit.Await;

/**
 * The kernel's {@code WorkerHost}, seen from a cell the way the worker runtime sees it: variables with their
 * declaring class, field and live value; a class generation that moves on redefinition; dumped classes.
 */
class KernelWorkerHostTest {
    private static final String HOST = "var hostField = lessonbook.workers.runtime.WorkerRuntime.class.getDeclaredField(\"host\");\n"
            + "hostField.setAccessible(true);\n"
            + "var host = (lessonbook.workers.runtime.WorkerHost) hostField.get(null);\n";

    @Test
    void hostReportsVariablesGenerationsAndDumpedClasses() {
        try (KernelHarness h = new KernelHarness()) {
            h.run(HOST);
            h.run("int shared = 41;");
            KernelHarness.Ran redefined = h.run("long before = host.classGeneration();\n"
                    + "String shared = \"now a string\";\n"
                    + "host.classGeneration() > before");
            assertThat(redefined.only(Output.Value.class).value()).isEqualTo("true");

            KernelHarness.Ran variable = h.run("var found = host.topLevelVariables().stream()"
                    + ".filter(v -> v.name().equals(\"shared\")).findFirst().orElseThrow();\n"
                    + "System.out.println(found.value() + \"|\" + found.field() + \"|\" + found.declaringClass());");
            assertThat(variable.stdout()).matches("now a string\\|shared\\|REPL\\.\\$JShell\\$\\w+\n");

            KernelHarness.Ran dumped = h.run("var declaring = host.topLevelVariables().stream()"
                    + ".filter(v -> v.name().equals(\"shared\")).findFirst().orElseThrow().declaringClass();\n"
                    + "java.nio.file.Files.exists(host.userClasspath().get(0).resolve(declaring.replace('.', '/') + \".class\"))");
            assertThat(dumped.only(Output.Value.class).value()).isEqualTo("true");
            assertThat(h.run("host.processName()").only(Output.Value.class).value()).isEqualTo("\"MainProcess\"");
        }
    }

    @Test
    void workerEventsAndWarningsLandInTheCallingCell() {
        try (KernelHarness h = new KernelHarness()) {
            h.run(HOST);
            String cell = KernelHarness.newCellId();
            h.run(cell, "var events = host.eventsForCaller();\n"
                    + "events.started(\"Worker-1\", 123, 1000);\n"
                    + "events.line(\"Worker-1\", 123, false, \"hello from worker\");\n"
                    + "host.warn(\"variable lock cannot be copied\");\n"
                    + "events.exited(\"Worker-1\", 123, 0, 2000, 5);");
            Await.until("worker outputs", KernelHarness.CELL_TIMEOUT, () -> h.outputsOf(cell).size() >= 4);
            long afterLines = System.currentTimeMillis();
            assertThat(h.outputsOf(cell)).usingRecursiveFieldByFieldElementComparatorIgnoringFields("epochMillis")
                    .contains(
                    new Output.WorkerEvent("Worker-1", 123, Output.WorkerEvent.Phase.STARTED, 1000, null, 0),
                    new Output.WorkerLine("Worker-1", 123, lessonbook.model.StreamName.STDOUT, "hello from worker"),
                    new Output.Notice("variable lock cannot be copied"),
                    new Output.WorkerEvent("Worker-1", 123, Output.WorkerEvent.Phase.EXITED, 2000, 0, 5));
            // A worker's line carries the time the kernel read it, not the time it reached the host.
            assertThat(h.outputsOf(cell)).filteredOn(Output.WorkerLine.class::isInstance)
                    .allSatisfy(o -> assertThat(((Output.WorkerLine) o).epochMillis()).isPositive()
                            .isLessThanOrEqualTo(afterLines));
        }
    }
}
