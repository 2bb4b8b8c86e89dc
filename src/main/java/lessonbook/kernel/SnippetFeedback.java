package lessonbook.kernel;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;
import lessonbook.model.Output;

/** Turns JShell's snippet events into what the {@code jshell} tool would print (its "normal" feedback). */
final class SnippetFeedback {
    private final JShell jshell;

    SnippetFeedback(JShell jshell) {
        this.jshell = jshell;
    }

    /**
     * Feedback for the snippet an eval was about ({@code causeSnippet() == null}); {@code replaced} is whether
     * the same eval overwrote another snippet (a signature or type change).
     */
    Optional<Output> forOwnEvent(SnippetEvent event, boolean replaced) {
        Snippet snippet = event.snippet();
        if (snippet instanceof VarSnippet) {
            VarSnippet var = (VarSnippet) snippet;
            if (event.value() != null) {
                return Optional.of(new Output.Value(var.name(), var.typeName(), event.value()));
            }
            return Optional.of(new Output.Info(action(event, replaced) + " variable " + var.name() + " : "
                    + var.typeName() + recoverable(var, event.status())));
        }
        if (snippet instanceof ExpressionSnippet) {
            ExpressionSnippet expression = (ExpressionSnippet) snippet;
            return event.value() == null ? Optional.empty()
                    : Optional.of(new Output.Value(expression.name(), expression.typeName(), event.value()));
        }
        if (snippet instanceof MethodSnippet || snippet instanceof TypeDeclSnippet) {
            DeclarationSnippet declaration = (DeclarationSnippet) snippet;
            return Optional.of(new Output.Info(action(event, replaced) + " " + describe(declaration)
                    + recoverable(declaration, event.status())));
        }
        return Optional.empty();
    }

    /** "update modified method g()" for a dependent snippet whose status another snippet changed. */
    Optional<Output> forUpdate(SnippetEvent event) {
        if (!(event.snippet() instanceof DeclarationSnippet) || event.status() == event.previousStatus()
                || !event.status().isActive()) {
            return Optional.empty();
        }
        DeclarationSnippet declaration = (DeclarationSnippet) event.snippet();
        return Optional.of(new Output.Info("update modified " + describe(declaration)
                + recoverable(declaration, event.status())));
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

    private static String action(SnippetEvent event, boolean replaced) {
        if (replaced) {
            return "replaced";
        }
        return event.previousStatus() == Snippet.Status.NONEXISTENT ? "created" : "modified";
    }

    private String recoverable(DeclarationSnippet declaration, Snippet.Status status) {
        if (status != Snippet.Status.RECOVERABLE_DEFINED && status != Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            return "";
        }
        List<String> missing = jshell.unresolvedDependencies(declaration).collect(Collectors.toList());
        if (missing.isEmpty()) {
            return "";
        }
        String use = declaration instanceof MethodSnippet ? "invoked" : "used";
        return ", however, it cannot be " + use + " until " + String.join(", ", missing)
                + (missing.size() == 1 ? " is" : " are") + " declared";
    }
}
