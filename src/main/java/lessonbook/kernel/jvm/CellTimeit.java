package lessonbook.kernel.jvm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import lessonbook.kernel.jvm.timeit.Timeit;
import lessonbook.kernel.jvm.timeit.TimeitOptions;
import lessonbook.kernel.jvm.timeit.TimeitSource;
import lessonbook.kernel.protocol.KernelEvent.Outcome;
import lessonbook.model.CellMagics;
import lessonbook.model.Output;
import lessonbook.model.StreamName;

/**
 * IPython's {@code %timeit} (a line: {@code %timeit fib(20)}) and {@code %%timeit} (a cell's first line; the cell
 * below it is timed, and code after the options on that line is setup). The code is compiled once into a class of
 * its own ({@link TimeitSource}) and measured by {@link Timeit}; the cell prints IPython's line (standard output,
 * as IPython's, so an .ipynb keeps it), and its code's
 * compile errors and exceptions placed in the cell as any cell's. Like IPython's, what the timed code declares
 * stays inside the measurement: the notebook gains no variable from it (assignments to the notebook's variables do
 * happen, once per loop). Both JShell snippets are dropped after the run.
 * <p>
 * Threading: the kernel's main thread, as {@link CellEvaluator}, which it serves; the timed code runs on the cell's
 * thread like any cell's code, and an interrupt stops it the same way.
 */
final class CellTimeit {
    /** The cell being run: its In [n], its text, and where its outputs go. */
    record Cell(int executionCount, String text, Consumer<Output> emit) {
    }

    private final JShell jshell;
    private final ClassDumpingExecutionControl control;
    private final SnippetPlaces places;
    private int classes;

    CellTimeit(JShell jshell, ClassDumpingExecutionControl control, SnippetPlaces places) {
        this.jshell = jshell;
        this.control = control;
        this.places = places;
    }

    /** {@code %%timeit}: times the cell's Java below the magic line, after the line's setup code. */
    Outcome cell(Cell cell, CellMagics.Split split, CellMagics.Magic magic) {
        String cellText = cell.text();
        if (!split.lineMagics().isEmpty()) {
            return refuse(cell, "A %%timeit cell holds only the Java it times: put %" + split.lineMagics().get(0).name()
                    + " in a cell of its own; this cell was not run.");
        }
        int lineStart = new LineStarts(cellText).startOf(magic.line());
        int lineEnd = cellText.indexOf('\n', lineStart);
        String java = split.java();
        if (lineEnd < 0 || java.substring(lineEnd + 1).isBlank()) {
            return refuse(cell, "%%timeit times the Java below it, on the cell's next lines; this cell has none.");
        }
        int argumentsStart = argumentsStart(cellText, lineStart, lineEnd, "%%timeit");
        TimeitOptions.Result parsed = TimeitOptions.parse(cellText.substring(argumentsStart, lineEnd));
        if (parsed.options() == null) {
            return refuse(cell, parsed.problem());
        }
        TimeitOptions options = parsed.options();
        String setup = options.code().strip();
        int setupInCell = argumentsStart + options.codeOffset();
        return measure(cell, options, setup, setupInCell, java.substring(lineEnd + 1), lineEnd + 1, true, magic.line());
    }

    /** {@code %timeit code} on a line of its own: times that line's code. */
    Outcome line(Cell cell, CellMagics.Magic magic) {
        String cellText = cell.text();
        int lineStart = new LineStarts(cellText).startOf(magic.line());
        int lineEnd = cellText.indexOf('\n', lineStart);
        lineEnd = lineEnd < 0 ? cellText.length() : lineEnd;
        int argumentsStart = argumentsStart(cellText, lineStart, lineEnd, "%timeit");
        TimeitOptions.Result parsed = TimeitOptions.parse(cellText.substring(argumentsStart, lineEnd));
        if (parsed.options() == null) {
            return refuse(cell, parsed.problem());
        }
        TimeitOptions options = parsed.options();
        if (options.code().isBlank()) {
            return refuse(cell, "%timeit times the Java after it on its line (%timeit fib(20)); this one has none.");
        }
        return measure(cell, options, "", argumentsStart, options.code(), argumentsStart + options.codeOffset(),
                false, magic.line());
    }

    private Outcome measure(Cell cell, TimeitOptions options, String setup, int setupInCell, String code,
            int codeInCell, boolean codeOnOwnLines, int firstLine) {
        Optional<String> declared = declarationIn(setup + "\n" + code);
        if (declared.isPresent()) {
            return refuse(cell, "%timeit times statements and expressions; " + declared.get() + " belongs in a cell "
                    + "of its own, above this one.");
        }
        String className = "$Timeit" + cell.executionCount() + "_" + (++classes);
        Optional<String> expression = asExpression(code);
        Snippet loop = null;
        TimeitSource source = null;
        if (expression.isPresent()) {
            source = TimeitSource.of(className, setup, setupInCell, expression.get(), codeInCell, codeOnOwnLines, true);
            loop = define(source);
        }
        if (loop == null || jshell.status(loop) != Snippet.Status.VALID) {
            drop(loop);   // an expression of type void, say: timed as a statement
            source = TimeitSource.of(className, setup, setupInCell, code, codeInCell, codeOnOwnLines, false);
            loop = define(source);
        }
        if (loop == null) {
            return refuse(cell, "%timeit could not compile this code.");
        }
        Snippet runner = null;
        try {
            if (jshell.status(loop) != Snippet.Status.VALID) {
                TimeitSource placed = source;
                Output.CompileError errors = CompileErrors.of(jshell, loop, cell.text(), placed::toCell);
                cell.emit().accept(errors.diagnostics().isEmpty() ? new Output.Notice("%timeit could not compile this code ("
                        + jshell.status(loop) + ").") : errors);
                return Outcome.ERROR;
            }
            places.place(loop.id(), cell.executionCount(), firstLine);
            Timeit.takeReport();
            List<SnippetEvent> events = jshell.eval(source.runner(options));
            control.takeNotebookText();
            runner = events.isEmpty() ? null : events.get(0).snippet();
            for (SnippetEvent event : events) {
                if (event.causeSnippet() == null && event.snippet() != null) {
                    places.place(event.snippet().id(), cell.executionCount(), firstLine);
                }
                if (event.causeSnippet() == null && event.exception() != null) {
                    cell.emit().accept(cellFramesOnly(ErrorReport.of(event.exception(), jshell, places), className));
                    return Outcome.ERROR;
                }
            }
            return Timeit.takeReport().map(report -> {
                // the cell's result, as IPython prints it: kept in every format (an .ipynb drops Lessonbook's notes)
                cell.emit().accept(new Output.Stream(StreamName.STDOUT, report.text() + "\n"));
                return Outcome.OK;
            }).orElse(Outcome.ERROR);   // stopped: the evaluator says "Interrupted."
        } finally {
            drop(runner);
            drop(loop);
        }
    }

    /**
     * The code as one expression (a trailing {@code ;} blanked, positions kept), when it is one snippet that could
     * be one; whether it really is, javac says when the class is compiled.
     */
    private Optional<String> asExpression(String code) {
        String candidate = code;
        int last = candidate.stripTrailing().length() - 1;
        if (last >= 0 && candidate.charAt(last) == ';') {
            candidate = candidate.substring(0, last) + " " + candidate.substring(last + 1);
        }
        if (candidate.isBlank() || candidate.strip().endsWith("}")) {
            return Optional.empty();
        }
        SourceCodeAnalysis.CompletionInfo info = jshell.sourceCodeAnalysis().analyzeCompletion(candidate);
        boolean one = info.completeness().isComplete() && info.remaining().isBlank();
        return one ? Optional.of(candidate) : Optional.empty();
    }

    /**
     * The trace as the cell's code would have it without the measurement: the loop's frame is the cell's line
     * ("$Timeit4_1.time (In [4], line 3)" shows as "(In [4], line 3)"), and the measuring frames and the call that
     * started them (the magic's line) go; a cause's frames are kept in the same way.
     */
    private static Output.Error cellFramesOnly(Output.Error error, String className) {
        String loop = className + ".time ";
        String measuring = Timeit.class.getSimpleName() + ".";
        List<String> frames = new ArrayList<>();
        boolean below = false;
        for (String frame : error.frames()) {
            if (frame.startsWith(Output.Error.CAUSE)) {
                below = false;
            } else if (frame.startsWith(measuring)) {
                below = true;
            }
            if (!below) {
                frames.add(frame.startsWith(loop) ? frame.substring(loop.length()) : frame);
            }
        }
        return new Output.Error(error.exceptionType(), error.message(), frames);
    }

    /**
     * "a method", "a class" or "an import" when the code declares one, which the measuring loop cannot hold (javac
     * would say "illegal start of expression").
     */
    private Optional<String> declarationIn(String code) {
        try {
            return jshell.sourceCodeAnalysis().sourceToSnippets(code).stream()
                    .map(part -> switch (part.kind()) {
                        case METHOD -> "a method";
                        case TYPE_DECL -> "a class";
                        case IMPORT -> "an import";
                        default -> null;
                    })
                    .filter(java.util.Objects::nonNull).findFirst();
        } catch (RuntimeException e) {
            return Optional.empty();   // javac says what is wrong when the loop is compiled
        }
    }

    private Snippet define(TimeitSource source) {
        List<SnippetEvent> events = jshell.eval(source.source());
        control.takeNotebookText();
        return events.stream().filter(e -> e.causeSnippet() == null).map(SnippetEvent::snippet).findFirst()
                .orElse(null);
    }

    private void drop(Snippet snippet) {
        if (snippet != null && jshell.status(snippet).isActive()) {
            jshell.drop(snippet);
        }
    }

    private static Outcome refuse(Cell cell, String message) {
        cell.emit().accept(new Output.Notice(message));
        return Outcome.ERROR;
    }

    /** Where the magic's arguments start on its line: after its name and the spaces that follow. */
    private static int argumentsStart(String cellText, int lineStart, int lineEnd, String name) {
        int at = cellText.indexOf(name, lineStart) + name.length();
        while (at < lineEnd && Character.isWhitespace(cellText.charAt(at))) {
            at++;
        }
        return Math.min(at, lineEnd);
    }
}
