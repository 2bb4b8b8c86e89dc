package lessonbook.kernel.jvm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;
import lessonbook.model.Output;
import lessonbook.model.RepeatedFrames;
import lessonbook.model.TraceText;
import lessonbook.workers.Worker;
import lessonbook.workers.runtime.WorkerRuntime;

/** An exception from a snippet as the user should see it: their frames, none of the kernel's. */
final class ErrorReport {
    private static final String WRAPPER_PREFIX = "REPL.$JShell$";

    private ErrorReport() {
    }

    static Output.Error of(JShellException exception, JShell jshell, SnippetPlaces places) {
        if (exception instanceof UnresolvedReferenceException) {
            UnresolvedReferenceException unresolved = (UnresolvedReferenceException) exception;
            List<String> missing = jshell.unresolvedDependencies(unresolved.getSnippet())
                    .collect(Collectors.toList());
            boolean method = unresolved.getSnippet() instanceof jdk.jshell.MethodSnippet;
            return new Output.Error("UnresolvedReferenceException", "attempted to " + (method ? "call " : "use ")
                    + SnippetFeedback.describe(unresolved.getSnippet()) + " which cannot be "
                    + (method ? "invoked" : "used") + " until "
                    + (missing.isEmpty() ? "its errors are fixed" : String.join(", ", missing) + " is declared"),
                    List.of());
        }
        Function<StackTraceElement, String> shown = new Shown(jshell, places);
        // a runaway recursion's thousand identical frames are folded here, before they cross the socket
        List<String> frames = new ArrayList<>(RepeatedFrames.fold(userFrames(exception.getStackTrace(), shown)));
        // the chain and its messages are already bounded (CellExceptions); its marker cause says how many causes
        // were left out
        Throwable cause = exception.getCause();
        while (cause != null) {
            if (cause instanceof EvalException && CellExceptions.MORE_CAUSES.equals(
                    ((EvalException) cause).getExceptionClassName())) {
                frames.add(RepeatedFrames.MARKER_PREFIX + cause.getMessage());
                break;
            }
            frames.add(Output.Error.CAUSE + typeName(cause) + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            frames.addAll(RepeatedFrames.fold(userFrames(cause.getStackTrace(), shown)));
            cause = cause.getCause();
        }
        return new Output.Error(typeName(exception), exception.getMessage(), bounded(frames));
    }

    /** At most {@link TraceText#MAX_LINES} frames (causes, each up to the JVM's 1,024 frames, add up). */
    private static List<String> bounded(List<String> frames) {
        if (frames.size() <= TraceText.MAX_LINES) {
            return frames;
        }
        List<String> kept = new ArrayList<>(frames.subList(0, TraceText.MAX_LINES));
        kept.add(String.format("%s%,d more lines not kept", RepeatedFrames.MARKER_PREFIX,
                frames.size() - TraceText.MAX_LINES));
        return kept;
    }

    /**
     * A frame as the cell shows it, placed in its cell where it can be ({@link SnippetPlaces}); else in JShell's
     * form, its line counted from the snippet's first line that is not blank (the kernel gives JShell a snippet that
     * follows another in its cell with its line breaks in front, see CellEvaluator, and JShell counts them).
     */
    private static final class Shown implements Function<StackTraceElement, String> {
        private final JShell jshell;
        private final SnippetPlaces places;
        private final Map<String, Integer> blankLines = new HashMap<>();

        Shown(JShell jshell, SnippetPlaces places) {
            this.jshell = jshell;
            this.places = places;
        }

        @Override
        public String apply(StackTraceElement frame) {
            // the blank lines are looked up only for a snippet no cell placed: a walk over every snippet
            return format(frame, places, snippetId -> blankLines.computeIfAbsent(snippetId,
                    id -> jshell.snippets().filter(s -> s.id().equals(id)).findFirst()
                            .map(s -> leadingBlankLines(s.source())).orElse(0)));
        }
    }

    /** Line breaks before the first character that is not white space. */
    static int leadingBlankLines(String source) {
        int lines = 0;
        for (int i = 0; i < source.length() && Character.isWhitespace(source.charAt(i)); i++) {
            if (source.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static String typeName(Throwable t) {
        String name = t instanceof EvalException ? ((EvalException) t).getExceptionClassName() : t.getClass().getName();
        return userTypeName(name);
    }

    /** {@code REPL.$JShell$12$MyError} is the user's {@code MyError}. */
    static String userTypeName(String className) {
        if (className.startsWith(WRAPPER_PREFIX)) {
            int nested = className.indexOf('$', WRAPPER_PREFIX.length());
            return nested < 0 ? className : className.substring(nested + 1).replace('$', '.');
        }
        return className;
    }

    /**
     * Frames down to the last snippet frame; below it is only the engine calling the snippet. The worker runtime's
     * own frames are left out, as a worker's printed trace leaves them out, and of the worker API's only the call
     * the cell made ({@code WorkerPool.map}), not the API's inner calls; so is every frame of a throwable the
     * runtime's threads made (a {@code CompletionException} a pool's dispatcher completed a future with: its frames
     * say nothing about the cell, and its cause has the worker's).
     */
    static List<String> userFrames(StackTraceElement[] trace, Function<StackTraceElement, String> shown) {
        int last = -1;
        boolean runtimeMade = false;
        for (int i = 0; i < trace.length; i++) {
            if (isSnippetFrame(trace[i])) {
                last = i;
            }
            runtimeMade |= isRuntimeFrame(trace[i]);
        }
        if (last < 0 && runtimeMade) {
            return List.of();
        }
        if (last < 0) {
            last = trace.length - 1;
            for (int i = 0; i < trace.length; i++) {
                if (trace[i].getClassName().startsWith("jdk.jshell.") || trace[i].getClassName().startsWith("lessonbook.kernel.")
                        || trace[i].getClassName().startsWith("jdk.internal.reflect.")) {
                    last = i - 1;
                    break;
                }
            }
        }
        List<String> frames = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            // of the worker API's own frames, only the call the cell made (WorkerPool.map), not what it called
            boolean apiInside = isApiFrame(trace[i]) && i + 1 < trace.length && isApiFrame(trace[i + 1]);
            if (!isRuntimeFrame(trace[i]) && !apiInside) {
                frames.add(shown.apply(trace[i]));
            }
        }
        return frames;
    }

    /** The worker runtime's classes, as a worker's printed trace leaves them out ({@code PrintedTrace}). */
    private static final String RUNTIME_PACKAGE = WorkerRuntime.class.getPackageName() + ".";
    /** The worker API's classes and the runtime's below them. */
    private static final String API_PACKAGE = Worker.class.getPackageName() + ".";

    private static boolean isRuntimeFrame(StackTraceElement frame) {
        return frame.getClassName().startsWith(RUNTIME_PACKAGE);
    }

    private static boolean isApiFrame(StackTraceElement frame) {
        return frame.getClassName().startsWith(API_PACKAGE);
    }

    /** JShell names a snippet's source "#id" (and blanks its wrapper class name in reported traces). */
    private static boolean isSnippetFrame(StackTraceElement frame) {
        return frame.getClassName().startsWith(WRAPPER_PREFIX)
                || (frame.getFileName() != null && frame.getFileName().startsWith("#"));
    }

    /**
     * As the jshell tool shows it, with the cell in place of JShell's snippet number where {@code places} knows it:
     * {@code factorial (In [2], line 4)}, {@code (In [3], line 1)} for the snippet's own code; {@code factorial (#2:4)}
     * for a snippet no cell placed ({@code blankLinesOf}: a snippet's blank lines in front, by its id, left out of
     * that count); {@code Integer.parseInt (Integer.java:668)} for a library's.
     */
    static String format(StackTraceElement frame, SnippetPlaces places, ToIntFunction<String> blankLinesOf) {
        if (isSnippetFrame(frame)) {
            String method = frame.getMethodName().startsWith("do_it$") ? ""
                    // javac's name for a lambda's body (lambda$do_it$$e124482f$1) says nothing a student wrote
                    : frame.getMethodName().startsWith("lambda$") ? "lambda" : frame.getMethodName();
            String type = userTypeName(frame.getClassName());
            if (!type.isEmpty() && !type.startsWith(WRAPPER_PREFIX) && !method.isEmpty()) {
                method = type + "." + method;
            }
            String file = frame.getFileName() == null ? "#?" : frame.getFileName();
            int line = frame.getLineNumber();
            String where = file.startsWith("#") ? places.where(file.substring(1), line) : null;
            if (where == null) {
                int blank = line > 1 && file.startsWith("#") ? blankLinesOf.applyAsInt(file.substring(1)) : 0;
                where = file + (line >= 0 ? ":" + (line > 1 ? Math.max(1, line - blank) : line) : "");
            }
            return (method.isEmpty() ? "" : method + " ") + "(" + where + ")";
        }
        // the jshell tool's form of a library frame: Integer.parseInt (Integer.java:668)
        String type = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1);
        String location = frame.isNativeMethod() ? "Native Method" : frame.getFileName() == null ? "Unknown Source"
                : frame.getFileName() + (frame.getLineNumber() >= 0 ? ":" + frame.getLineNumber() : "");
        return type + "." + frame.getMethodName() + " (" + location + ")";
    }
}
