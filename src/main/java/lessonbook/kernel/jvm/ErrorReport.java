package lessonbook.kernel.jvm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;
import lessonbook.model.Output;
import lessonbook.model.RepeatedFrames;

/** An exception from a snippet as the user should see it: their frames, none of the kernel's. */
final class ErrorReport {
    private static final String WRAPPER_PREFIX = "REPL.$JShell$";

    private ErrorReport() {
    }

    static Output.Error of(JShellException exception, JShell jshell) {
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
        // a runaway recursion's thousand identical frames are folded here, before they cross the socket
        Map<String, Integer> blankLines = new HashMap<>();
        List<String> frames = new ArrayList<>(RepeatedFrames.fold(userFrames(inSnippetLines(exception.getStackTrace(),
                jshell, blankLines))));
        Throwable cause = exception.getCause();
        while (cause != null) {
            frames.add(Output.Error.CAUSE + typeName(cause) + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            frames.addAll(RepeatedFrames.fold(userFrames(inSnippetLines(cause.getStackTrace(), jshell, blankLines))));
            cause = cause.getCause();
        }
        return new Output.Error(typeName(exception), exception.getMessage(), frames);
    }

    /**
     * The frames with each snippet line counted from the snippet's first line that is not blank: the kernel gives
     * JShell a snippet that follows another in its cell with its line breaks in front (see CellEvaluator), and JShell
     * counts them. {@code blankLines} remembers each snippet's count.
     */
    private static StackTraceElement[] inSnippetLines(StackTraceElement[] trace, JShell jshell,
            Map<String, Integer> blankLines) {
        StackTraceElement[] shifted = trace.clone();
        for (int i = 0; i < shifted.length; i++) {
            StackTraceElement frame = shifted[i];
            String file = frame.getFileName();
            if (file == null || !file.startsWith("#") || frame.getLineNumber() <= 1) {
                continue;
            }
            int blank = blankLines.computeIfAbsent(file.substring(1), id -> jshell.snippets()
                    .filter(s -> s.id().equals(id)).findFirst().map(s -> leadingBlankLines(s.source())).orElse(0));
            if (blank > 0) {
                shifted[i] = new StackTraceElement(frame.getClassLoaderName(), frame.getModuleName(),
                        frame.getModuleVersion(), frame.getClassName(), frame.getMethodName(), file,
                        Math.max(1, frame.getLineNumber() - blank));
            }
        }
        return shifted;
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

    /** Frames down to the last snippet frame; below it is only the engine calling the snippet. */
    static List<String> userFrames(StackTraceElement[] trace) {
        int last = -1;
        for (int i = 0; i < trace.length; i++) {
            if (isSnippetFrame(trace[i])) {
                last = i;
            }
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
            frames.add(format(trace[i]));
        }
        return frames;
    }

    /** JShell names a snippet's source "#id" (and blanks its wrapper class name in reported traces). */
    private static boolean isSnippetFrame(StackTraceElement frame) {
        return frame.getClassName().startsWith(WRAPPER_PREFIX)
                || (frame.getFileName() != null && frame.getFileName().startsWith("#"));
    }

    /**
     * As the jshell tool shows it: {@code factorial (#2:4)}, {@code (#3:1)} for the snippet's own code,
     * {@code Integer.parseInt (Integer.java:668)} for a library's.
     */
    static String format(StackTraceElement frame) {
        if (isSnippetFrame(frame)) {
            String method = frame.getMethodName().startsWith("do_it$") ? ""
                    // javac's name for a lambda's body (lambda$do_it$$e124482f$1) says nothing a student wrote
                    : frame.getMethodName().startsWith("lambda$") ? "lambda" : frame.getMethodName();
            String type = userTypeName(frame.getClassName());
            if (!type.isEmpty() && !type.startsWith(WRAPPER_PREFIX) && !method.isEmpty()) {
                method = type + "." + method;
            }
            String file = frame.getFileName() == null ? "#?" : frame.getFileName();
            return (method.isEmpty() ? "" : method + " ") + "(" + file
                    + (frame.getLineNumber() >= 0 ? ":" + frame.getLineNumber() : "") + ")";
        }
        // the jshell tool's form of a library frame: Integer.parseInt (Integer.java:668)
        String type = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1);
        String location = frame.isNativeMethod() ? "Native Method" : frame.getFileName() == null ? "Unknown Source"
                : frame.getFileName() + (frame.getLineNumber() >= 0 ? ":" + frame.getLineNumber() : "");
        return type + "." + frame.getMethodName() + " (" + location + ")";
    }
}
