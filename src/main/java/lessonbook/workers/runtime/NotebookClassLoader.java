package lessonbook.workers.runtime;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the notebook's classes of one generation inside a worker, and gives each cell's wrapper class the
 * values its top-level variables had when the worker started, at the moment that class is first loaded. A
 * worker that only calls {@code factorial} never deserializes the notebook's other variables: measured in the
 * lesson, setting every variable up front cost each of ten workers 100-200 ms before its task could begin.
 */
final class NotebookClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final String workerName;
    private final Map<String, List<Messages.VariableValue>> pendingByClass = new ConcurrentHashMap<>();

    NotebookClassLoader(String name, URL[] urls, ClassLoader parent, String workerName,
            List<Messages.VariableValue> variables) {
        super(name, urls, parent);
        this.workerName = workerName;
        // loops, not lambdas: this runs as a worker's task starts, and a lambda's first use there costs ~1 ms
        for (Messages.VariableValue v : variables) {
            List<Messages.VariableValue> ofClass = pendingByClass.get(v.declaringClass());
            if (ofClass == null) {
                ofClass = new ArrayList<>();
                pendingByClass.put(v.declaringClass(), ofClass);
            }
            ofClass.add(v);
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> found = super.findClass(name);
        List<Messages.VariableValue> pending = pendingByClass.remove(name);
        if (pending != null) {
            for (Messages.VariableValue v : pending) {
                set(found, v);
            }
        }
        return found;
    }

    private void set(Class<?> owner, Messages.VariableValue v) {
        try {
            Field field = owner.getDeclaredField(v.field());
            if (!Modifier.isStatic(field.getModifiers())) {
                throw new IllegalStateException("not a static field");
            }
            field.setAccessible(true);
            field.set(null, Payloads.fromBytes(v.value(), this));
        } catch (Exception | LinkageError | StackOverflowError e) {
            System.err.println("lessonbook: could not set variable " + v.name() + " in worker " + workerName + ": " + e);
        }
    }
}
