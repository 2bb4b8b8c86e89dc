package lessonbook.kernel.jvm;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.kernel.protocol.KernelEvent.Outcome;
import lessonbook.kernel.protocol.KernelRequest;
import lessonbook.model.Output;

/**
 * Evaluates cells the way the {@code jshell} tool evaluates what is typed into it. Not thread-safe, like
 * JShell itself: a thread calls it only in its turn ({@link #turns()}): the kernel's main thread for cells and
 * variables, the editor's questions' thread for {@link #answer}; {@link #interrupt()} from any thread.
 */
final class CellEvaluator {
    /** The {@code jshell} tool's default start-up imports, plus the display API every cell may use. */
    static final List<String> DEFAULT_IMPORTS = List.of("java.io.*", "java.math.*", "java.net.*", "java.nio.file.*",
            "java.util.*", "java.util.concurrent.*", "java.util.function.*", "java.util.prefs.*", "java.util.regex.*",
            "java.util.stream.*", "lessonbook.display.*");

    /** A notebook variable as JShell lists it. */
    record Variable(String name, String typeName) {
    }

    private final JShell jshell;
    private final JShellTurns turns = new JShellTurns();
    private final ClassDumpingExecutionControl control;
    private final OutputHub hub;
    private final SnippetFeedback feedback;
    private final ClasspathMagics magics;
    private final SnippetPlaces places = new SnippetPlaces();
    private final WorkerTraceLines traceLines = new WorkerTraceLines(places);
    private final WorkerCpuTally workerCpu = new WorkerCpuTally();
    private final CellTimeit timeit;
    private int executionCount;
    private volatile boolean interruptRequested;
    private volatile boolean cellActive;
    private volatile List<Variable> variables = List.of();

    CellEvaluator(OutputHub hub, Path dumpDir, List<Path> classpath, PrintStream out, PrintStream err) {
        this.hub = hub;
        this.control = new ClassDumpingExecutionControl(dumpDir, turns);
        this.jshell = JShell.builder()
                .executionEngine(ClassDumpingExecutionControl.provider(control), java.util.Map.of())
                .in(InputStream.nullInputStream()).out(out).err(err)
                // javac's warnings that jshell leaves off unless asked, so a lesson shows them (it shows unchecked)
                .compilerOptions("-Xlint:unchecked", "-Xlint:deprecation")
                .build();
        this.feedback = new SnippetFeedback(jshell);
        this.magics = new ClasspathMagics(jshell::addToClasspath, () -> interruptRequested);
        this.timeit = new CellTimeit(jshell, control, places);
        classpath.forEach(p -> jshell.addToClasspath(p.toString()));
        for (String imported : DEFAULT_IMPORTS) {
            jshell.eval("import " + imported + ";");
        }
    }

    /** Where the lines of cell code are in the classes workers run (see {@link WorkerTraceLines}). */
    WorkerTraceLines traceLines() {
        return traceLines;
    }

    /** The workers' CPU for {@code %%time} cells, fed by the worker host. */
    WorkerCpuTally workerCpu() {
        return workerCpu;
    }

    ClassDumpingExecutionControl control() {
        return control;
    }

    /** Jars and folders the cells' {@code %maven}, {@code %jars} and {@code %classpath} added, in order. */
    List<Path> addedClasspath() {
        return magics.entries();
    }

    List<Variable> variables() {
        return variables;
    }

    /** Compiles and runs a throwaway snippet so the first real cell does not pay for warming javac up. */
    void warmUp() {
        jshell.eval("int $warmUp = 1;").forEach(e -> jshell.drop(e.snippet()));
        // starts JShell's (unnamed) indexing thread now, before the kernel numbers threads for cells from 0
        jshell.sourceCodeAnalysis();
    }

    void execute(KernelRequest.Execute request) {
        executionCount++;
        interruptRequested = false;
        control.clearStop();
        // Not in the kernel's first cell: its result is what a teacher waits for after opening a lesson, and eden
        // then often holds the start-up's and the warm-up's garbage (over half full in two of four starts), so a
        // collection there would add its pause to that first result, where it is not otherwise due.
        control.collectYoungBeforeCode(executionCount > 1);
        cellActive = true;
        CellContext.enter(request.cellId());
        hub.beginCell(request.cellId());
        hub.sendAfterPending(new KernelEvent.ExecuteStarted(request.requestId(), request.cellId(), executionCount));
        lessonbook.model.CellMagics.Split split = lessonbook.model.CellMagics.split(request.code());
        CellTime time = split.timed() && split.unsupported().isEmpty()
                ? CellTime.start(request.cellId(), workerCpu) : null;
        Outcome outcome;
        try {
            outcome = runMagicsThenJava(request, split);
        } catch (OutOfMemoryError e) {
            // not the cell's code (its error comes back as the snippet's exception): javac's or JShell's own
            KernelMemory.endKernel(e);
            throw e;
        } catch (RuntimeException | Error e) {
            emit(request.cellId(), new Output.Notice("The kernel failed to evaluate this cell: " + e));
            outcome = Outcome.ERROR;
        } finally {
            cellActive = false;
            CellContext.leave();
        }
        KernelMemory.HeapInUse stillFull = KernelMemory.afterCell();
        if (stillFull != null) {
            emit(request.cellId(), new Output.Notice(HeapHolders.stillFullMessage(stillFull,
                    HeapHolders.largest(jshell, control, 3))));
        }
        if (interruptRequested) {
            // A stop that lands inside println leaves text in the PrintStream's own buffer; the next println
            // would send it under the next cell. Pushed out here, on this thread, it stays with this cell.
            System.out.print("");
            System.err.print("");
            emit(request.cellId(), new Output.Notice("Interrupted."));
            outcome = Outcome.INTERRUPTED;
        }
        if (time != null) {
            emit(request.cellId(), time.stop(outcome));
        }
        hub.sendAfterPending(new KernelEvent.ExecuteFinished(request.requestId(), request.cellId(), executionCount,
                outcome));
    }

    /**
     * Called on the socket reader thread while a cell may be running. Stops again every 50 ms while the cell
     * is still active: the first stop can land before the snippet runs, or be caught by the cell once. Each turn
     * also runs {@code eachTurn} (the kernel ends the processes the cell started: one started after the first
     * turn would otherwise keep a cell blocked in reading from it, where no stop reaches).
     */
    void interrupt(Runnable eachTurn) {
        if (!cellActive) {
            return;
        }
        interruptRequested = true;
        Thread stopper = new Thread(() -> {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (cellActive && interruptRequested && System.nanoTime() < deadline) {
                control.requestStop();
                eachTurn.run();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "lessonbook-stopper");
        stopper.setDaemon(true);
        stopper.start();
    }

    /**
     * The cell's magics (see {@link lessonbook.model.CellMagics}) each at its place, as IJava and JJava run them: the
     * Java above a magic first, then the magic, then the Java below it, which sees what the magic added. Magics
     * with no Java between them run together (one resolution for several {@code %maven} lines).
     */
    private Outcome runMagicsThenJava(KernelRequest.Execute request, lessonbook.model.CellMagics.Split split) {
        if (split.magics().isEmpty()) {
            return evaluate(request.cellId(), request.code(), true);
        }
        Optional<String> refused = split.unsupported();
        if (refused.isPresent()) {
            emit(request.cellId(), new Output.Notice(refused.get()));
            return Outcome.ERROR;
        }
        Optional<lessonbook.model.CellMagics.Magic> timedCell = split.cellMagic("timeit");
        if (timedCell.isPresent()) {
            return timeit.cell(timeitCell(request), split, timedCell.get());
        }
        String java = split.java();
        LineStarts lines = new LineStarts(java);
        int done = 0;
        List<lessonbook.model.CellMagics.Magic> group = new ArrayList<>();
        for (lessonbook.model.CellMagics.Magic magic : split.lineMagics()) {
            int at = lines.startOf(magic.line());
            String above = only(java, done, at);
            boolean timed = magic.name().equals("timeit");
            if (!above.isBlank() || timed) {   // %timeit times its line after what is above it ran
                Outcome outcome = runMagics(request, group);
                if (outcome == Outcome.OK && !above.isBlank()) {
                    outcome = evaluate(request.cellId(), above, false);
                }
                if (outcome == Outcome.OK && timed) {
                    outcome = timeit.line(timeitCell(request), magic);
                }
                if (outcome != Outcome.OK || interruptRequested) {
                    return outcome;
                }
                group.clear();
                done = at;
            }
            if (!timed) {
                group.add(magic);
            }
        }
        Outcome outcome = runMagics(request, group);
        return outcome == Outcome.OK ? evaluate(request.cellId(), only(java, done, java.length()), true) : outcome;
    }

    private Outcome runMagics(KernelRequest.Execute request, List<lessonbook.model.CellMagics.Magic> group) {
        if (group.isEmpty()) {
            return Outcome.OK;
        }
        Optional<String> failure = magics.run(List.copyOf(group), request.folder(), o -> emit(request.cellId(), o));
        failure.ifPresent(f -> emit(request.cellId(), new Output.Notice(f)));
        return failure.isPresent() ? Outcome.ERROR : Outcome.OK;
    }

    /** {@code text} with everything outside [from, to) blanked, newlines kept: positions stay those of the cell. */
    private static String only(String text, int from, int to) {
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            kept.append(i >= from && i < to || c == '\n' ? c : ' ');
        }
        return kept.toString();
    }

    /** {@code finalPart}: the Java after the cell's last magic (or the whole cell), whose last value is shown. */
    private Outcome evaluate(String cellId, String code, boolean finalPart) {
        try {
            return evaluateSnippets(cellId, code, finalPart);
        } finally {
            feedback.releaseHeld().forEach(o -> emit(cellId, o));
        }
    }

    private Outcome evaluateSnippets(String cellId, String code, boolean finalPart) {
        SourceCodeAnalysis analysis = jshell.sourceCodeAnalysis();
        LineStarts cellLines = new LineStarts(code);
        String remaining = code;
        int consumedUpTo = 0;
        while (!remaining.isBlank() && !interruptRequested) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            String source;
            int nextRemainingLength;
            if (info.completeness().isComplete() && info.source() != null) {
                source = info.source();
                nextRemainingLength = info.remaining().length();
            } else if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            } else {
                // Incomplete (an unclosed brace, say): hand the rest to JShell whole so it reports the error.
                source = remaining;
                nextRemainingLength = 0;
            }
            int consumedLength = remaining.length() - nextRemainingLength;
            int snippetStart = consumedUpTo + locate(remaining.substring(0, consumedLength), source);
            boolean last = finalPart && remaining.substring(consumedLength).isBlank();
            // JShell numbers every line of a snippet whose text starts with a line break as line 1 (a method after
            // an import in the same cell showed "half (#14:1)" for its second line); one space in front and it
            // counts them all (ErrorReport takes the blank lines off again). Not stripped: a snippet whose text is
            // the same as an existing one's is not re-checked with its dependents (an overload defined again next
            // to the method that calls it then stayed "cannot be invoked"), so texts stay as distinct as they were.
            if (source.startsWith("\n")) {
                source = " " + source;
                snippetStart--;
            }
            if (feedback.holding() && !SnippetFeedback.onlyDeclarations(analysis, source)) {
                feedback.releaseHeld().forEach(o -> emit(cellId, o));   // before this code prints anything
            }
            if (!evalSnippet(cellId, code, source, snippetStart, cellLines.lineOf(snippetStart), last)) {
                return Outcome.ERROR;
            }
            consumedUpTo += consumedLength;
            remaining = remaining.substring(consumedLength);
        }
        return Outcome.OK;
    }

    /** Where the snippet's text starts inside the text it was cut from (JShell trims it, and may add a ';'). */
    private static int locate(String consumed, String source) {
        String probe = source.endsWith(";") ? source.substring(0, source.length() - 1) : source;
        int at = probe.isEmpty() ? -1 : consumed.indexOf(probe);
        if (at >= 0) {
            return at;
        }
        int firstNonBlank = 0;
        while (firstNonBlank < consumed.length() && Character.isWhitespace(consumed.charAt(firstNonBlank))) {
            firstNonBlank++;
        }
        return firstNonBlank;
    }

    /**
     * Evaluates one snippet and reports it; false when the cell must stop here. Like Jupyter, a cell shows the
     * value of its last snippet only: in a lesson, echoing every intermediate variable ({@code t0 ==> 3593178138552})
     * buries what the cell prints. jshell's feedback on declarations of methods and types is still reported
     * wherever they are, and javac's warnings on any snippet.
     */
    private boolean evalSnippet(String cellId, String cellText, String source, int snippetStart, int firstLine,
            boolean last) {
        control.takeNotebookText();
        List<SnippetEvent> events = jshell.eval(source);
        String notebookText = control.takeNotebookText();
        if (interruptRequested) {
            return false;
        }
        variables = jshell.variables().map(v -> new Variable(v.name(), v.typeName())).collect(Collectors.toList());
        boolean ok = true;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            if (event.status() == Snippet.Status.REJECTED) {
                emit(cellId, CompileErrors.of(jshell, event.snippet(), cellText, snippetStart));
                return false;
            }
            if (event.snippet().kind() != Snippet.Kind.IMPORT) {
                places.place(event.snippet().id(), executionCount, firstLine);
                traceLines.learn(jshell, event.snippet());   // before the next snippet runs: it may start workers
            }
            // A recoverable declaration's errors (a call to an overload declared further down) are not a failure:
            // JShell keeps it, jshell's feedback names them ("until this error is corrected"), IJava saves none.
            Output.CompileError warnings = new Output.CompileError(CompileErrors.of(jshell, event.snippet(), cellText,
                    snippetStart).diagnostics().stream().filter(d -> !d.error()).collect(Collectors.toList()));
            if (!warnings.diagnostics().isEmpty()) {
                emit(cellId, warnings);
            }
            if (event.exception() == null) {
                feedback.forOwnEvent(event, events, last, notebookText).ifPresent(o -> emit(cellId, o));
            }
            if (event.exception() != null) {
                emit(cellId, ErrorReport.of(event.exception(), jshell, places));
                ok = false;
            }
        }
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                feedback.forUpdate(event).ifPresent(o -> emit(cellId, o));
            }
        }
        return ok;
    }

    /** The cell being run, as {@link CellTimeit} needs it. */
    private CellTimeit.Cell timeitCell(KernelRequest.Execute request) {
        return new CellTimeit.Cell(executionCount, request.code(), o -> emit(request.cellId(), o));
    }

    private void emit(String cellId, Output output) {
        hub.sendAfterPending(new KernelEvent.CellOutput(cellId, output));
    }

    /** Who may call JShell now: taken for each request, lent out while a cell's code runs. */
    JShellTurns turns() {
        return turns;
    }

    /** JShell's answer to an editor's question ({@link EditorQuestions#isQuestion}). */
    KernelEvent answer(KernelRequest question) {
        return question instanceof KernelRequest.Complete complete ? complete(complete)
                : documentation((KernelRequest.Documentation) question);
    }

    KernelEvent.Completions complete(KernelRequest.Complete request) {
        int[] anchor = new int[1];
        List<KernelEvent.Suggestion> suggestions = jshell.sourceCodeAnalysis()
                .completionSuggestions(request.code(), request.cursor(), anchor).stream()
                .map(s -> new KernelEvent.Suggestion(s.continuation(), s.matchesType()))
                .collect(Collectors.toList());
        return new KernelEvent.Completions(request.requestId(), anchor[0], suggestions);
    }

    KernelEvent.DocumentationResult documentation(KernelRequest.Documentation request) {
        List<KernelEvent.Doc> docs = jshell.sourceCodeAnalysis()
                .documentation(request.code(), request.cursor(), true).stream()
                .map(d -> new KernelEvent.Doc(d.signature(), Optional.ofNullable(d.javadoc()).orElse("")))
                .collect(Collectors.toList());
        return new KernelEvent.DocumentationResult(request.requestId(), docs);
    }

    KernelEvent.VariablesResult variables(KernelRequest.Variables request) {
        return NotebookVariables.list(request.requestId(), jshell, control, places::where);
    }

    void close() {
        jshell.close();
    }
}
