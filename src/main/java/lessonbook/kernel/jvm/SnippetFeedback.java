package lessonbook.kernel.jvm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;
import lessonbook.model.Output;
import lessonbook.model.TextCut;

/**
 * Turns JShell's snippet events into what the {@code jshell} tool prints in its "normal" feedback mode, in its
 * words (its {@code /set format normal}): "created method f()", "replaced class Pet", "  update replaced variable
 * pet, reset to null"; an expression statement's value as an {@link Output.Value}, the result a notebook keeps.
 * <p>
 * One departure: a method or class that cannot be used yet when it is declared ("however, it cannot be invoked
 * until method isOdd(int) is declared", or javac's error for an overload declared further down) is reported once
 * the cell's declarations around it are all in ({@link #releaseHeld}), with what it still waits for then. jshell
 * reads a cell line by line and says it at once; in a notebook, methods that call each other or an overload below
 * are one cell, and the message was a false alarm for code that was right. On the thread that evaluates cells.
 */
final class SnippetFeedback {
    /**
     * A value's text at most: a cell's last expression can be a 60 MB string, which whole (twice: as jshell shows it
     * and as a notebook saves it) ran the host out of memory and lost the value without a word.
     */
    static final int MAX_VALUE_CHARS = 100_000;
    private final JShell jshell;
    /** Declarations whose feedback waits for the cell's next code, with jshell's action word for each. */
    private final List<Held> held = new ArrayList<>();

    private record Held(DeclarationSnippet declaration, String action) {
    }

    SnippetFeedback(JShell jshell) {
        this.jshell = jshell;
    }

    /**
     * Feedback for the snippet an eval was about ({@code causeSnippet() == null}) that ran without an exception.
     * A value is reported for the cell's {@code last} snippet only. {@code notebookText} is the value's
     * {@code toString()} as the engine saw it (see {@link ClassDumpingExecutionControl#takeNotebookText()}).
     */
    Optional<Output> forOwnEvent(SnippetEvent event, List<SnippetEvent> events, boolean last, String notebookText) {
        Snippet snippet = event.snippet();
        if (isExpression(snippet)) {
            if (!last || event.value() == null || "void".equals(typeName(snippet))) {
                return Optional.empty();
            }
            return Optional.of(new Output.Value(name(snippet), typeName(snippet),
                    TextCut.head(event.value(), MAX_VALUE_CHARS), TextCut.head(notebookText, MAX_VALUE_CHARS)));
        }
        if (snippet instanceof VarSnippet var) {
            if (event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                return Optional.of(new Output.Info(action(event, events) + " variable " + var.name()
                        + resolve(var, event.status(), true)));
            }
            // jshell's "{result}" for a declared variable: Lessonbook's annotation, as IJava saves no result for it
            return last && event.value() != null
                    ? Optional.of(new Output.Info(var.name() + " ==> " + TextCut.head(event.value(), MAX_VALUE_CHARS)))
                    : Optional.empty();
        }
        if (snippet instanceof MethodSnippet || snippet instanceof TypeDeclSnippet) {
            DeclarationSnippet declaration = (DeclarationSnippet) snippet;
            if (!held.isEmpty() || event.status() != Snippet.Status.VALID) {
                held.add(new Held(declaration, action(event, events)));   // in order, behind the one waiting
                return Optional.empty();
            }
            return Optional.of(declared(declaration, action(event, events), event.status()));
        }
        return Optional.empty();
    }

    /** Whether feedback on declarations is waiting (see the class comment). */
    boolean holding() {
        return !held.isEmpty();
    }

    /**
     * The held declarations' feedback, each with what it still waits for now: none, when the cell declared it.
     * Called before the cell's next code that is not a declaration runs, and when the cell's code ends.
     */
    List<Output> releaseHeld() {
        List<Output> released = new ArrayList<>();
        for (Held h : held) {
            released.add(declared(h.declaration(), h.action(), jshell.status(h.declaration())));
        }
        held.clear();
        return released;
    }

    /** Whether {@code source} only declares methods and types: it runs no code, so held feedback may wait on. */
    static boolean onlyDeclarations(SourceCodeAnalysis analysis, String source) {
        return analysis.sourceToSnippets(source).stream()
                .allMatch(s -> s.kind() == Snippet.Kind.METHOD || s.kind() == Snippet.Kind.TYPE_DECL);
    }

    private Output declared(DeclarationSnippet declaration, String action, Snippet.Status status) {
        return new Output.Info(action + " " + describe(declaration) + resolve(declaration, status, true));
    }

    /**
     * Feedback on a snippet another one changed: jshell's normal mode says only that a variable was replaced
     * (its type changed under it) and so reset to null, or cannot be referenced any more.
     */
    Optional<Output> forUpdate(SnippetEvent event) {
        if (!(event.snippet() instanceof VarSnippet var) || isExpression(var) || !event.status().isActive()
                || !event.previousStatus().isActive() || !event.isSignatureChange()) {
            return Optional.empty();
        }
        String head = "  update replaced variable " + var.name();
        if (event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            return Optional.of(new Output.Info(head + resolve(var, event.status(), false)));
        }
        return Optional.of(new Output.Info(head + ", reset to null"));
    }

    /** An expression statement ({@code 6 * 7}, {@code x}, {@code x = 4}): its value is the cell's result. */
    private static boolean isExpression(Snippet snippet) {
        return snippet instanceof ExpressionSnippet
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private static String name(Snippet snippet) {
        return snippet instanceof VarSnippet var ? var.name() : ((ExpressionSnippet) snippet).name();
    }

    private static String typeName(Snippet snippet) {
        return snippet instanceof VarSnippet var ? var.typeName() : ((ExpressionSnippet) snippet).typeName();
    }

    static String describe(DeclarationSnippet declaration) {
        if (declaration instanceof MethodSnippet) {
            MethodSnippet method = (MethodSnippet) declaration;
            return "method " + method.name() + "(" + method.parameterTypes() + ")";
        }
        if (declaration instanceof VarSnippet) {
            return "variable " + declaration.name();
        }
        return typeKind(declaration.subKind()) + " " + declaration.name();
    }

    private static String typeKind(Snippet.SubKind kind) {
        switch (kind) {
            case INTERFACE_SUBKIND:
                return "interface";
            case ENUM_SUBKIND:
                return "enum";
            case ANNOTATION_TYPE_SUBKIND:
                return "annotation interface";
            case RECORD_SUBKIND:
                return "record";
            default:
                return "class";
        }
    }

    /**
     * jshell's action: a declaration that was active before is modified, or replaced when its signature changed.
     * For a method that is its return type (or whether it is defined), as jshell says. For a type or variable it
     * is whether the engine had to load a new class for it: the in-process engine cannot redefine a loaded class
     * as jshell's own engine does, so any change to a class replaces it, and the variables of its type are reset
     * to null (which the update lines then say).
     */
    private static String action(SnippetEvent event, List<SnippetEvent> events) {
        if (!event.previousStatus().isActive()) {
            return "created";
        }
        if (event.snippet() instanceof MethodSnippet method) {
            boolean replaced = event.previousStatus().isDefined() != event.status().isDefined()
                    || events.stream().anyMatch(other -> other.causeSnippet() == method
                            && other.status() == Snippet.Status.OVERWRITTEN
                            && other.snippet() instanceof MethodSnippet old
                            && !old.signature().equals(method.signature()));
            return replaced ? "replaced" : "modified";
        }
        return event.isSignatureChange() ? "replaced" : "modified";
    }

    /** jshell's "{until}{unrerr}": what the declaration waits for, in its words for each kind. */
    private String resolve(DeclarationSnippet declaration, Snippet.Status status, boolean primary) {
        if (status != Snippet.Status.RECOVERABLE_DEFINED && status != Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            return "";
        }
        List<String> missing = jshell.unresolvedDependencies(declaration).collect(Collectors.toList());
        List<String> errors = jshell.diagnostics(declaration).filter(Diag::isError)
                .map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.toList());
        if (missing.isEmpty() && errors.isEmpty()) {
            return "";
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < missing.size(); i++) {
            names.append(i == 0 ? "" : i == missing.size() - 1 ? ", and " : ", ").append(missing.get(i));
        }
        String waitsFor = missing.isEmpty() ? "" : names + (missing.size() == 1 ? " is" : " are") + " declared";
        if (errors.isEmpty()) {
            return until(declaration, status, primary) + " " + waitsFor;
        }
        // jshell's {unrerr}: "... until this error is corrected:" and each error's lines under it, indented
        StringBuilder corrected = new StringBuilder(until(declaration, status, primary)).append(' ')
                .append(waitsFor.isEmpty() ? "" : waitsFor + " and ")
                .append(errors.size() == 1 ? "this error is corrected:" : "these errors are corrected:");
        errors.forEach(e -> e.lines().filter(l -> !l.strip().startsWith("location:"))
                .forEach(l -> corrected.append("\n|      ").append(l)));
        return corrected.toString();
    }

    private static String until(DeclarationSnippet declaration, Snippet.Status status, boolean primary) {
        if (status == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            return primary ? ", however, it cannot be referenced until" : " which cannot be referenced until";
        }
        if (declaration instanceof MethodSnippet) {
            return primary ? ", however, it cannot be invoked until" : " which cannot be invoked until";
        }
        switch (declaration.subKind()) {
            case INTERFACE_SUBKIND:
                return primary ? ", however, its methods cannot be invoked until" : " whose methods cannot be invoked until";
            case ENUM_SUBKIND:
            case ANNOTATION_TYPE_SUBKIND:
                return primary ? ", however, it cannot be used until" : " which cannot be used until";
            default:
                return primary ? ", however, it cannot be instantiated or its methods invoked until"
                        : " which cannot be instantiated or its methods invoked until";
        }
    }
}
