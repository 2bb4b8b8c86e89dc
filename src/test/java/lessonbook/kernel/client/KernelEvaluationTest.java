package lessonbook.kernel.client;

import lessonbook.testkit.KernelHarness;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.kernel.protocol.KernelEvent.Outcome;
import lessonbook.model.Diagnostic;
import lessonbook.model.Output;
import lessonbook.testkit.Await;

/** What each kind of cell produces, on one shared kernel (each test uses its own names). */
class KernelEvaluationTest {
    @RegisterExtension
    static final KernelHarness harness = KernelHarness.ready();

    @Test
    void expressionReportsItsValueLikeJshell() {
        KernelHarness.Ran ran = harness.run("6 * 7");
        assertThat(ran.run().outcome()).isEqualTo(Outcome.OK);
        Output.Value value = ran.only(Output.Value.class);
        assertThat(value.name()).startsWith("$");
        assertThat(value.value()).isEqualTo("42");
        assertThat(value.typeName()).isEqualTo("int");
        assertThat(value.text()).matches("\\$\\d+ ==> 42\n");
    }

    @Test
    void aDeclarationsValueIsFeedbackAndOnlyAnExpressionStatementHasAResult() {
        KernelHarness.Ran declared = harness.run("int count = 5;");
        assertThat(declared.all(Output.Value.class)).isEmpty();
        assertThat(declared.only(Output.Info.class).text()).isEqualTo("|  count ==> 5\n");
        assertThat(harness.run("String greeting = \"hi\";").only(Output.Info.class).message())
                .isEqualTo("greeting ==> \"hi\"");

        Output.Value string = harness.run("greeting + \"!\"").only(Output.Value.class);
        assertThat(string.value()).isEqualTo("\"hi!\"");
        assertThat(string.notebookText()).as("what IJava saves: the value's toString()").isEqualTo("hi!");
        assertThat(harness.run("'c'").only(Output.Value.class).notebookText()).isEqualTo("c");
        assertThat(harness.run("count = 6").only(Output.Value.class).notebookText()).isEqualTo("6");
        Output.Value nothing = harness.run("String none = null;\nnone").only(Output.Value.class);
        assertThat(nothing.text()).isEqualTo(nothing.name() + " ==> null\n");
        assertThat(nothing.notebookText()).as("IJava saves no result for null").isNull();
        assertThat(harness.run("void hello() { System.out.println(\"Hello\"); }\nhello();").outputs())
                .containsExactly(new Output.Info("created method hello()"),
                        new Output.Stream(lessonbook.model.StreamName.STDOUT, "Hello\n"));
    }

    /**
     * A value's text is its toString(), the student's own code: when that throws or recurses without end (a
     * {@code toString()} that prints {@code this}), the cell fails with that error, as any of its code would,
     * instead of ending "ok" with nothing to show.
     */
    @Test
    void aValueWhoseToStringFailsIsTheCellsErrorNotSilence() {
        harness.run("class Broken { public String toString() { throw new IllegalStateException(\"no text yet\"); } }");
        KernelHarness.Ran thrown = harness.run("new Broken()");
        assertThat(thrown.run().outcome()).isEqualTo(Outcome.ERROR);
        Output.Error error = thrown.only(Output.Error.class);
        assertThat(error.exceptionType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.message()).isEqualTo("no text yet");
        assertThat(thrown.all(Output.Value.class)).isEmpty();

        harness.run("class Loop { public String toString() { return \"Loop \" + this; } }");
        KernelHarness.Ran recursed = harness.run("new Loop()");
        assertThat(recursed.run().outcome()).isEqualTo(Outcome.ERROR);
        assertThat(recursed.only(Output.Error.class).exceptionType()).isEqualTo("java.lang.StackOverflowError");

        KernelHarness.Ran tooBig = harness.run(
                "new Object() { public String toString() { return \"x\".repeat(Integer.MAX_VALUE); } }");
        assertThat(tooBig.run().outcome()).isEqualTo(Outcome.ERROR);
        assertThat(tooBig.only(Output.Error.class).exceptionType()).isEqualTo("java.lang.OutOfMemoryError");
        assertThat(harness.run("6 * 7").only(Output.Value.class).value()).as("the kernel lives on").isEqualTo("42");
    }

    @Test
    void methodDeclarationThenCall() {
        KernelHarness.Ran declared = harness.run("long factorial(long n) { return n <= 1 ? 1 : n * factorial(n - 1); }");
        assertThat(declared.only(Output.Info.class).message()).isEqualTo("created method factorial(long)");
        assertThat(harness.run("factorial(10)").only(Output.Value.class).value()).isEqualTo("3628800");
    }

    @Test
    void classDeclarations() {
        assertThat(harness.run("class Account { int balance; }").only(Output.Info.class).message())
                .isEqualTo("created class Account");
        assertThat(harness.run("record Point(int x, int y) {}").only(Output.Info.class).message())
                .isEqualTo("created record Point");
        assertThat(harness.run("new Point(1, 2)").only(Output.Value.class).value()).isEqualTo("Point[x=1, y=2]");
    }

    @Test
    void statementOutputKeepsStreamsApartAndPartialLines() {
        KernelHarness.Ran ran = harness.run("System.out.println(\"to out\"); System.err.println(\"to err\"); System.out.print(\"no newline\");");
        assertThat(ran.stdout()).isEqualTo("to out\nno newline");
        assertThat(ran.stderr()).isEqualTo("to err\n");
        assertThat(ran.all(Output.Value.class)).isEmpty();
    }

    @Test
    void multiSnippetCellRunsInOrderWithDefaultImports() {
        KernelHarness.Ran ran = harness.run("int first = 1;\nint second = first + 1;\n"
                + "List<Integer> both = new ArrayList<>(List.of(first, second));\n"
                + "System.out.println(both.stream().map(String::valueOf).collect(Collectors.joining(\",\")));\n"
                + "first + second");
        // Only the last snippet's value is shown, as in Jupyter; the variables before it are silent.
        assertThat(ran.all(Output.Value.class)).singleElement()
                .satisfies(v -> assertThat(v.name()).startsWith("$"))
                .satisfies(v -> assertThat(v.value()).isEqualTo("3"));
        assertThat(ran.stdout()).isEqualTo("1,2\n");
        // The printed line comes before the value that followed it.
        assertThat(ran.outputs().indexOf(ran.all(Output.Stream.class).get(0)))
                .isLessThan(ran.outputs().indexOf(ran.all(Output.Value.class).get(0)));
        assertThat(harness.run("both").all(Output.Value.class).get(0).value()).isEqualTo("[1, 2]");
    }

    @Test
    void executionCountGrowsByOnePerCell() {
        int first = harness.run("1").run().executionCount();
        int second = harness.run("2").run().executionCount();
        assertThat(first).isPositive();
        assertThat(second).isEqualTo(first + 1);
    }

    @Test
    void redefinitionOfMethodVariableAndClassIncludingTypeChange() {
        harness.run("int twice(int n) { return 2 * n; }");
        KernelHarness.Ran modified = harness.run("int twice(int n) { return n + n + 0; }");
        assertThat(modified.only(Output.Info.class).message()).isEqualTo("modified method twice(int)");
        assertThat(harness.run("long twice(int n) { return 2L * n; }").only(Output.Info.class).message())
                .as("a changed return type, as jshell says it").isEqualTo("replaced method twice(int)");
        KernelHarness.Ran replaced = harness.run("String twice(String s) { return s + s; }");
        assertThat(replaced.only(Output.Info.class).message()).isEqualTo("created method twice(String)");
        assertThat(harness.run("twice(\"ab\") + twice(4)").only(Output.Value.class).value()).isEqualTo("\"abab8\"");

        harness.run("int level = 1;");
        KernelHarness.Ran retyped = harness.run("String level = \"high\";");
        assertThat(retyped.only(Output.Info.class).text()).isEqualTo("|  level ==> \"high\"\n");
        assertThat(harness.run("level.length()").only(Output.Value.class).value()).isEqualTo("4");

        harness.run("class Shape { String name() { return \"old\"; } }");
        KernelHarness.Ran changedClass = harness.run("class Shape { String name() { return \"new\"; } int sides() { return 3; } }");
        assertThat(changedClass.only(Output.Info.class).message()).isEqualTo("replaced class Shape");
        assertThat(harness.run("new Shape().name() + new Shape().sides()").only(Output.Value.class).value())
                .isEqualTo("\"new3\"");
    }

    @Test
    void dependentSnippetIsUpdatedWhenWhatItNeedsIsDeclared() {
        KernelHarness.Ran early = harness.run("int usesLater() { return later() + 1; }");
        assertThat(early.only(Output.Info.class).message())
                .isEqualTo("created method usesLater(), however, it cannot be invoked until method later() is declared");
        KernelHarness.Ran call = harness.run("usesLater()");
        assertThat(call.run().outcome()).isEqualTo(Outcome.ERROR);
        assertThat(call.only(Output.Error.class).message()).contains("usesLater()").contains("later()");

        KernelHarness.Ran later = harness.run("int later() { return 41; }");
        assertThat(later.all(Output.Info.class)).extracting(Output.Info::message)
                .as("jshell's normal feedback has no update line here").containsExactly("created method later()");
        assertThat(harness.run("usesLater()").only(Output.Value.class).value()).isEqualTo("42");
    }

    /**
     * Found by comparing with IJava's stored outputs (a public FRC lesson): a method calling an overload declared
     * further down the cell is recoverable, not a failed cell. IJava saves no error for it. jshell says at once that
     * it cannot be invoked until javac's error is corrected, which the next declaration does: a false alarm for right
     * code, so the kernel says it only if the cell's declarations leave it so, and before the cell's next code runs.
     */
    @Test
    void aCallToAnOverloadDeclaredLaterInTheCellIsNoAlarm() {
        KernelHarness.Ran ran = harness.run("double clamp01(double v) { return clamp01(v, 0.0, 1.0); }\n"
                + "double clamp01(double v, double min, double max) { return Math.max(min, Math.min(max, v)); }\n"
                + "System.out.println(clamp01(2.5));");
        assertThat(ran.run().outcome()).isEqualTo(Outcome.OK);
        assertThat(ran.all(Output.CompileError.class)).as("no error output: IJava saves none").isEmpty();
        assertThat(ran.outputs()).extracting(Output::text).containsExactly("|  created method clamp01(double)\n",
                "|  created method clamp01(double,double,double)\n", "1.0\n");

        KernelHarness.Ran mutual = harness.run("boolean isEven(int n) { return n == 0 || isOdd(n - 1); }\n"
                + "boolean isOdd(int n) { return n != 0 && isEven(n - 1); }");
        assertThat(mutual.outputs()).extracting(Output::text).containsExactly("|  created method isEven(int)\n",
                "|  created method isOdd(int)\n");
    }

    /** What a declaration still waits for when the cell's next code runs is said before that code prints. */
    @Test
    void aDeclarationStillWaitingIsSaidBeforeTheCodeAfterIt() {
        KernelHarness.Ran ran = harness.run("int asksFirst() { return answersLater(); }\n"
                + "System.out.println(\"between\");\nint answersLater() { return 1; }\nasksFirst()");
        assertThat(ran.outputs()).extracting(Output::text).startsWith(
                "|  created method asksFirst(), however, it cannot be invoked until method answersLater() is declared\n",
                "between\n", "|  created method answersLater()\n");
        assertThat(ran.only(Output.Value.class).value()).isEqualTo("1");
    }

    @Test
    void aVariableResetByARedefinedClassSaysWhyInJshellsWords() {
        harness.run("class Pet { }");
        harness.run("Pet pet = new Pet();");
        KernelHarness.Ran redefined = harness.run("class Pet { int age; }");
        assertThat(redefined.outputs()).extracting(Output::text)
                .containsExactly("|  replaced class Pet\n", "|    update replaced variable pet, reset to null\n");
        assertThat(harness.run("pet").only(Output.Value.class).value()).isEqualTo("null");
    }

    @Test
    void stdoutAndStderrKeepTheOrderTheyWerePrintedIn() {
        KernelHarness.Ran ran = harness.run(
                "{ System.out.println(\"A\"); System.err.println(\"B\"); System.out.println(\"C\"); }");
        assertThat(ran.outputs()).containsExactly(
                new Output.Stream(lessonbook.model.StreamName.STDOUT, "A\n"),
                new Output.Stream(lessonbook.model.StreamName.STDERR, "B\n"),
                new Output.Stream(lessonbook.model.StreamName.STDOUT, "C\n"));
    }

    @Test
    void compileErrorReadsLikeJshellsWithTheSourceLineAndACaret() {
        KernelHarness.Ran ran = harness.run("int fine = 1;\nint sum = fine + undefinedThing;");
        Output.CompileError error = ran.only(Output.CompileError.class);
        assertThat(error.text()).isEqualTo("|  Error at line 2, column 18:\n"
                + "|  cannot find symbol\n"
                + "|    symbol:   variable undefinedThing\n"
                + "|  int sum = fine + undefinedThing;\n"
                + "|                   ^------------^\n");
        assertThat(error.text()).doesNotContain("location:");
    }

    @Test
    void uncheckedAndDeprecationWarningsAreShownAndTheSnippetRuns() {
        KernelHarness.Ran unchecked = harness.run("List<String> raw = new ArrayList();");
        assertThat(unchecked.run().outcome()).isEqualTo(Outcome.OK);
        Output.CompileError warning = unchecked.only(Output.CompileError.class);
        assertThat(warning.failed()).isFalse();
        assertThat(warning.text()).startsWith("|  Warning at line 1, column 20:\n|  unchecked conversion\n")
                .endsWith("|  List<String> raw = new ArrayList();\n|                     ^-------------^\n");

        KernelHarness.Ran deprecated = harness.run("new Date(2020, 1, 1).getYear()");
        assertThat(deprecated.only(Output.Value.class).value()).isEqualTo("2020");
        assertThat(deprecated.all(Output.CompileError.class)).flatExtracting(Output.CompileError::diagnostics)
                .extracting(Diagnostic::message).anyMatch(m -> m.contains("has been deprecated"));
    }

    @Test
    void compileErrorIsPositionedInTheCellTextAndStopsTheCell() {
        String cell = "int beforeError = 1;\nString broken = 42;\nint afterError = 2;";
        KernelHarness.Ran ran = harness.run(cell);
        assertThat(ran.run().outcome()).isEqualTo(Outcome.ERROR);
        assertThat(ran.all(Output.Value.class)).isEmpty();
        assertThat(harness.run("beforeError").all(Output.Value.class).get(0).value()).isEqualTo("1");
        Diagnostic diagnostic = ran.only(Output.CompileError.class).diagnostics().get(0);
        assertThat(diagnostic.error()).isTrue();
        assertThat(diagnostic.line()).isEqualTo(2);
        assertThat(diagnostic.column()).isEqualTo(17);
        assertThat(cell.substring(diagnostic.start(), diagnostic.end())).isEqualTo("42");
        assertThat(diagnostic.message()).contains("incompatible types");
        assertThat(harness.run("afterError").run().outcome()).isEqualTo(Outcome.ERROR);
    }

    /** A trace names the cell as the screen shows it (In [n]) and the line in that cell, not JShell's snippet. */
    @Test
    void aTraceNamesTheCellAndTheLineInTheCell() {
        int defined = harness.run("import java.util.*;\nint half(int x) {\n"
                + "    if (x == 3) throw new IllegalArgumentException(\"odd\");\n    return x / 2;\n}").run().executionCount();
        KernelHarness.Ran called = harness.run("int two = 2;\nhalf(3)");
        Output.Error error = called.only(Output.Error.class);
        assertThat(error.frames()).containsExactly("half (In [" + defined + "], line 3)",
                "(In [" + called.run().executionCount() + "], line 2)");

        KernelHarness.Ran inOneCell = harness.run("int a = 1;\n\n// a helper\nint tenth(int x) {\n    return 10 / x;\n}\n"
                + "tenth(0)");
        int n = inOneCell.run().executionCount();
        assertThat(inOneCell.only(Output.Error.class).frames())
                .containsExactly("tenth (In [" + n + "], line 5)", "(In [" + n + "], line 7)");
    }

    /** JShell re-checks a method's callers only when its text changed: the kernel must not make two texts equal. */
    @Test
    void anOverloadDefinedAgainBesideTheMethodThatCallsItCanBeCalled() {
        String full = "double clip(double v, double lo, double hi) {\n    return v < lo ? lo : v > hi ? hi : v;\n}";
        harness.run(full);
        KernelHarness.Ran ran = harness.run("double clip(double v) {\n    return clip(v, 0.0, 1.0);\n}\n" + full
                + "\nclip(-0.1)");
        assertThat(ran.run().outcome()).as("%s", ran.outputs()).isEqualTo(Outcome.OK);
        assertThat(ran.all(Output.Value.class).get(0).value()).isEqualTo("0.0");
    }

    @Test
    void aRunawayRecursionShowsItsFrameOnceAndTheKernelGoesOn() {
        int defined = harness.run("int countDown(int n) { return countDown(n - 1); }").run().executionCount();
        KernelHarness.Ran ran = harness.run("countDown(10)");
        assertThat(ran.run().outcome()).isEqualTo(Outcome.ERROR);
        Output.Error error = ran.only(Output.Error.class);
        assertThat(error.exceptionType()).isEqualTo("java.lang.StackOverflowError");
        assertThat(error.frames()).hasSizeLessThanOrEqualTo(3);
        assertThat(error.frames().get(0)).isEqualTo("countDown (In [" + defined + "], line 1)");
        assertThat(error.frames().get(1)).matches("\\.\\.\\. the line above, repeated [\\d,]+ more times");

        harness.run("boolean isEven(int n) { return n == 0 || isOdd(n - 1); }\n"
                + "boolean isOdd(int n) { return n != 0 && isEven(n - 1); }");
        Output.Error mutual = harness.run("isEven(-1)").only(Output.Error.class);
        assertThat(mutual.text()).contains("the 2 lines above, repeated");
        assertThat(mutual.text().lines().count()).isLessThan(8);
        assertThat(harness.run("1 + 1").run().outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void exceptionShowsTheRealTypeAndOnlyUserFrames() {
        int defined = harness.run("int divide(int a, int b) {\n    return a / b;\n}").run().executionCount();
        KernelHarness.Ran ran = harness.run("int ok = 1;\ndivide(1, 0)");
        assertThat(ran.run().outcome()).isEqualTo(Outcome.ERROR);
        Output.Error error = ran.only(Output.Error.class);
        assertThat(error.exceptionType()).isEqualTo("java.lang.ArithmeticException");
        assertThat(error.message()).isEqualTo("/ by zero");
        assertThat(error.frames()).hasSize(2);
        assertThat(error.frames()).containsExactly("divide (In [" + defined + "], line 2)",
                "(In [" + ran.run().executionCount() + "], line 2)");

        harness.run("class LessonError extends RuntimeException { LessonError(String m) { super(m); } }");
        Output.Error own = harness.run("throw new LessonError(\"custom\")").only(Output.Error.class);
        assertThat(own.exceptionType()).isEqualTo("LessonError");
        assertThat(own.text()).doesNotContain("jdk.jshell").doesNotContain("lessonbook.kernel").doesNotContain("REPL.");
    }

    @Test
    void backgroundThreadOutputAfterItsCellFinishedLandsInThatCell() {
        String starter = KernelHarness.newCellId();
        KernelHarness.Ran ran = harness.run(starter, "var release = new CountDownLatch(1);\n"
                + "new Thread(() -> {\n"
                + "    try { release.await(); } catch (InterruptedException e) { }\n"
                + "    System.out.println(\"late line\");\n"
                + "    System.err.println(\"late error\");\n"
                + "}).start();");
        assertThat(ran.run().outcome()).isEqualTo(Outcome.OK);
        assertThat(ran.stdout()).isEmpty();
        String other = KernelHarness.newCellId();
        harness.run(other, "release.countDown(); System.out.println(\"other cell\");");
        harness.awaitStdout(starter, "late line\n");
        Await.until("late error", KernelHarness.CELL_TIMEOUT, 
                () -> KernelHarness.streamText(harness.outputsOf(starter), lessonbook.model.StreamName.STDERR).equals("late error\n"));
        assertThat(KernelHarness.streamText(harness.outputsOf(other), lessonbook.model.StreamName.STDOUT)).isEqualTo("other cell\n");
    }

    @Test
    void outputWrittenStraightToTheKernelsStdoutLandsInTheCell() {
        String cell = KernelHarness.newCellId();
        KernelHarness.Ran ran = harness.run(cell,
                "new ProcessBuilder(\"echo\", \"inherited line\").inheritIO().start().waitFor()");
        assertThat(ran.only(Output.Value.class).value()).isEqualTo("0");
        harness.awaitStdout(cell, "inherited line\n");
    }

    @Test
    void systemInIsEmptyForCells() {
        assertThat(harness.run("System.in.read()").only(Output.Value.class).value()).isEqualTo("-1");
    }

    @Test
    void multiByteTextSurvivesChunking() {
        String line = "h\u00e9llo w\u00f6rld \u2713 \uD83D\uDE00\n";
        KernelHarness.Ran ran = harness.run("for (int i = 0; i < 5000; i++) System.out.print(\"" + line.replace("\n", "\\n") + "\");");
        assertThat(ran.stdout()).isEqualTo(line.repeat(5000));
    }

    @Test
    void cellsCanUseTheWorkerApi() {
        assertThat(harness.run("import lessonbook.workers.*;\nWorker.class.getSimpleName()")
                .only(Output.Value.class).value()).isEqualTo("\"Worker\"");
    }

    /** The star import brings the student API only: the runtime that starts workers is not a cell's to call. */
    @Test
    void theWorkersStarImportHidesTheRuntime() {
        harness.run("import lessonbook.workers.*;");
        for (String hidden : List.of("WorkerRuntime.install(null);", "WorkerHost h = null;", "StandaloneHost s = null;",
                "WorkerMain.main(new String[0]);")) {
            KernelHarness.Ran ran = harness.run(hidden);
            assertThat(ran.run().outcome()).as(hidden).isEqualTo(Outcome.ERROR);
            assertThat(ran.only(Output.CompileError.class).diagnostics().get(0).message()).as(hidden)
                    .contains("cannot find symbol");
        }
        assertThat(harness.run("BrokenSharedObjectException.class.getName()").only(Output.Value.class).value())
                .isEqualTo("\"lessonbook.workers.BrokenSharedObjectException\"");
    }

    @Test
    void completionOffersPrintln() throws Exception {
        String code = "System.out.pri";
        KernelEvent.Completions completions = harness.kernel.complete(code, code.length()).get(30, TimeUnit.SECONDS);
        assertThat(completions.anchor()).isEqualTo("System.out.".length());
        assertThat(completions.suggestions()).extracting(KernelEvent.Suggestion::continuation)
                .anyMatch(c -> c.startsWith("println("));
    }

    @Test
    void documentationForMathMax() throws Exception {
        String code = "Math.max(";
        CompletableFuture<List<KernelEvent.Doc>> docs = harness.kernel.documentation(code, code.length());
        assertThat(docs.get(30, TimeUnit.SECONDS)).extracting(KernelEvent.Doc::signature)
                .anyMatch(s -> s.contains("max(int") );
    }
}
