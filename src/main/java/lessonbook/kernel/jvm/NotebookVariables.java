package lessonbook.kernel.jvm;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;

import lessonbook.kernel.protocol.KernelEvent;

/**
 * The notebook's variables as the Variables panel shows them, read where JShell keeps them (a static field of the
 * snippet's wrapper class, loaded in this JVM) rather than through {@code JShell.varValue}, which calls the
 * value's {@code toString}: a cell's {@code toString} that loops would stop the kernel answering. Also the one
 * reader of a variable's value for {@link HeapHolders}.
 *
 * <p>Threading: on the kernel's serving thread, between cells (JShell is not to be called from two threads).
 */
final class NotebookVariables {
    private NotebookVariables() {
    }

    /** {@code where} names the cell line of a snippet's line ({@link SnippetPlaces#where}), or null. */
    static KernelEvent.VariablesResult list(long requestId, JShell jshell, ClassDumpingExecutionControl control,
                                            java.util.function.BiFunction<String, Integer, String> where) {
        List<VarSnippet> active = jshell.variables()
                .filter(v -> jshell.status(v) == Snippet.Status.VALID)
                // $1, $2...: the values of expressions, which jshell's /vars lists but a cell never named
                .filter(v -> v.subKind() != Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND)
                .collect(Collectors.toList());
        int max = KernelEvent.VariablesResult.MAX_VARIABLES;
        List<VarSnippet> shown = active.subList(Math.max(0, active.size() - max), active.size());
        List<KernelEvent.Variable> variables = new ArrayList<>(shown.size());
        for (VarSnippet variable : shown) {
            String value;
            try {
                value = ValuePreview.of(read(jshell, control, variable));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                value = "(not readable)";
            }
            variables.add(new KernelEvent.Variable(variable.name(), variable.typeName(), value,
                    where.apply(variable.id(), firstWrittenLine(variable.source()))));
        }
        return new KernelEvent.VariablesResult(requestId, variables, active.size());
    }

    /** The snippet's line its text starts on: a snippet keeps the line end before it, and blank lines. */
    private static int firstWrittenLine(String source) {
        int line = 1;
        for (int i = 0; i < source.length() && Character.isWhitespace(source.charAt(i)); i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The variable's value now; throws when its wrapper class is not loaded (its declaration failed). */
    static Object read(JShell jshell, ClassDumpingExecutionControl control, VarSnippet variable)
            throws ReflectiveOperationException {
        String wrapper = jshell.sourceCodeAnalysis().wrapper(variable).fullClassName();
        Field field = control.loadedClass(wrapper).getDeclaredField(variable.name());
        field.setAccessible(true);
        return field.get(null);
    }
}
