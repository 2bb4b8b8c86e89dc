package lessonbook.ui.editor;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.fxmisc.richtext.CodeArea;

/**
 * Completion and documentation requests. The source is called on the FX thread (it returns a future at once)
 * but its reply is only ever awaited off it: after the timeout, on failure, or when a newer request was made
 * meanwhile, the reply is dropped. While a reply is awaited past {@link #HINT_AFTER}, and when none comes or it
 * is empty, the {@link AssistHint} says so, as long as the text is as it was when asked.
 */
final class EditorAssist {

    /** Quicker replies show without a hint flashing first (a warm kernel answers in a few ms). */
    static final Duration HINT_AFTER = Duration.ofMillis(500);

    final ObjectProperty<CompletionSource> completionSource = new SimpleObjectProperty<>(null, "completionSource");
    final ObjectProperty<DocumentationSource> documentationSource =
            new SimpleObjectProperty<>(null, "documentationSource");
    private final CodeArea area;
    private final EditorPopups popups;
    private final LongSupplier textVersion;
    // Long enough for a kernel still starting on a loaded classroom machine (a Ctrl+Space pressed then must not do
    // nothing: 15 s was not, once, in a full test run on JDK 25 on a 2-core machine, where each test's kernel starts
    // beside another test JVM's); a late reply cannot land in the wrong place: only the latest request shows, and only
    // at its anchor, and only if the text is as it was when asked.
    private Duration timeout = Duration.ofSeconds(60);
    private long completionRequest;
    private long documentationRequest;

    EditorAssist(CodeArea area, EditorPopups popups, LongSupplier textVersion) {
        this.area = area;
        this.popups = popups;
        this.textVersion = textVersion;
    }

    void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    void requestCompletion() {
        CompletionSource source = completionSource.get();
        long request = ++completionRequest;
        ask("completions", source == null ? null : () -> source.complete(area.getText(), area.getCaretPosition()),
                () -> request == completionRequest, (reply, version) -> {
                    // Typing on after Ctrl+Space is fine (the list filters); moving before the anchor is not.
                    if (!area.isFocused() || reply.anchor() > area.getCaretPosition()) {
                        return;
                    }
                    if (reply.suggestions().isEmpty()) {
                        hintIfUnchanged(version, "No completions here.");
                    } else {
                        popups.completion().show(reply);
                    }
                });
    }

    void requestDocumentation() {
        DocumentationSource source = documentationSource.get();
        long request = ++documentationRequest;
        ask("documentation", source == null ? null : () -> source.documentation(area.getText(), area.getCaretPosition()),
                () -> request == documentationRequest, (docs, version) -> {
                    if (version != textVersion.getAsLong()) {
                        return;
                    }
                    if (docs.isEmpty()) {
                        hintIfUnchanged(version, "No documentation for what is at the caret.");
                    } else {
                        popups.documentation().show(docs);
                    }
                });
    }

    /**
     * Calls a source, then hands a timely, successful reply to the latest request and the text version it was asked
     * for to {@code onReply} on the FX thread; says in the hint what is awaited, or why nothing came.
     */
    private <T> void ask(String what, Supplier<CompletableFuture<T>> call, Supplier<Boolean> latest,
            BiConsumer<T, Long> onReply) {
        if (call == null) {
            return;
        }
        long version = textVersion.getAsLong();
        CompletableFuture<T> reply;
        try {
            reply = call.get();
        } catch (RuntimeException e) {
            hintIfUnchanged(version, "No " + what + ": " + whyNot(e));
            return; // a broken source must not break typing
        }
        if (reply == null) {
            return;
        }
        CompletableFuture<T> timely = reply.copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        CompletableFuture.delayedExecutor(HINT_AFTER.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (!timely.isDone()) {
                Platform.runLater(() -> {
                    if (!timely.isDone() && latest.get()) {
                        hintIfUnchanged(version, "Waiting for the kernel's " + what + " (it may still be starting)...");
                    }
                });
            }
        });
        timely.whenComplete((value, failure) -> Platform.runLater(() -> {
            if (!latest.get()) {
                return;
            }
            popups.hideHint();
            if (failure == null && value != null) {
                onReply.accept(value, version);
            } else if (failure != null) {
                hintIfUnchanged(version, "No " + what + ": " + whyNot(failure));
            }
        }));
    }

    private String whyNot(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return "the kernel did not answer in " + (timeout.toMillis() >= 1000 ? timeout.toSeconds() + " s."
                    : timeout.toMillis() + " ms.");
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return "the kernel could not answer.";
        }
        // one line under the caret, however long the reason
        String line = message.strip().lines().findFirst().orElse("");
        return "the kernel could not answer (" + (line.length() > 120 ? line.substring(0, 117) + "..." : line) + ").";
    }

    /** The hint, if the text is as it was when asked ({@link AssistHint#show} also wants the area focused). */
    private void hintIfUnchanged(long version, String text) {
        if (version == textVersion.getAsLong()) {
            popups.hint().show(text);
        }
    }
}
