package lessonbook.ui.editor;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
 * meanwhile, the reply is dropped and nothing shows.
 */
final class EditorAssist {

    final ObjectProperty<CompletionSource> completionSource = new SimpleObjectProperty<>(null, "completionSource");
    final ObjectProperty<DocumentationSource> documentationSource =
            new SimpleObjectProperty<>(null, "documentationSource");
    private final CodeArea area;
    private final Supplier<CompletionPopup> completion;
    private final Supplier<DocumentationPopup> documentation;
    private final LongSupplier textVersion;
    // Long enough for a kernel still starting on a loaded classroom machine (a Ctrl+Space pressed then must not do
    // nothing: 15 s was not, once, in a full test run on JDK 25 on a 2-core machine, where each test's kernel starts
    // beside another test JVM's); a late reply cannot land in the wrong place: only the latest request shows, and only
    // at its anchor, and only if the text is as it was when asked.
    private Duration timeout = Duration.ofSeconds(60);
    private long completionRequest;
    private long documentationRequest;

    EditorAssist(CodeArea area, Supplier<CompletionPopup> completion, Supplier<DocumentationPopup> documentation,
            LongSupplier textVersion) {
        this.area = area;
        this.completion = completion;
        this.documentation = documentation;
        this.textVersion = textVersion;
    }

    void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    void requestCompletion() {
        CompletionSource source = completionSource.get();
        long request = ++completionRequest;
        ask(source == null ? null : () -> source.complete(area.getText(), area.getCaretPosition()),
                (reply, version) -> {
                    // Typing on after Ctrl+Space is fine (the list filters); moving before the anchor is not.
                    if (request == completionRequest && area.isFocused() && reply.anchor() <= area.getCaretPosition()) {
                        completion.get().show(reply);
                    }
                });
    }

    void requestDocumentation() {
        DocumentationSource source = documentationSource.get();
        long request = ++documentationRequest;
        ask(source == null ? null : () -> source.documentation(area.getText(), area.getCaretPosition()),
                (docs, version) -> {
                    if (request == documentationRequest && version == textVersion.getAsLong()) {
                        documentation.get().show(docs);
                    }
                });
    }

    /** Calls a source, then hands a timely, successful reply and the text version it was asked for to
     * {@code onReply} on the FX thread. */
    private <T> void ask(Supplier<CompletableFuture<T>> call, BiConsumer<T, Long> onReply) {
        if (call == null) {
            return;
        }
        long version = textVersion.getAsLong();
        CompletableFuture<T> reply;
        try {
            reply = call.get();
        } catch (RuntimeException e) {
            return; // a broken source shows nothing rather than breaking typing
        }
        if (reply == null) {
            return;
        }
        reply.copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((value, failure) -> {
            if (failure == null && value != null) {
                Platform.runLater(() -> onReply.accept(value, version));
            }
        });
    }
}
