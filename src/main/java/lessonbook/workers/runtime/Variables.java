package lessonbook.workers.runtime;

import java.io.NotSerializableException;
import java.util.ArrayList;
import java.util.List;

/** Copies of the notebook's top-level variables for a worker, as fork would give them. */
final class Variables {
    private Variables() {
    }

    /**
     * Serializes each variable now; one that cannot travel is named in a warning and left null in workers, and so is
     * one past {@link #copyBudget()}.
     */
    static List<Messages.VariableValue> snapshot(WorkerHost host) {
        List<Messages.VariableValue> values = new ArrayList<>();
        long budget = copyBudget();
        long left = budget;
        for (TopLevelVariable v : host.topLevelVariables()) {
            try {
                byte[] copy = Payloads.toBytes(v.value());
                if (copy.length > left) {
                    host.warn(String.format("variable %s (%s) is %,d MB as a copy, more than a worker takes (%,d MB for"
                            + " all variables, a quarter of its heap); workers see null. Share it with SharedLongArray"
                            + " or SharedDoubleArray, or give a worker only the part it needs.", v.name(),
                            v.value().getClass().getTypeName(), megabytes(copy.length), megabytes(budget)));
                    continue;
                }
                left -= copy.length;
                values.add(new Messages.VariableValue(v.name(), v.declaringClass(), v.field(), copy));
            } catch (NotSerializableException e) {
                String type = v.value().getClass().getName();
                String inner = e.getMessage() != null && !e.getMessage().equals(type)
                        ? " (it holds a " + e.getMessage() + ")" : "";
                host.warn("variable " + v.name() + " (" + type + ") is not Serializable" + inner + "; workers see null");
            } catch (RuntimeException e) {
                host.warn("variable " + v.name() + " could not be copied to workers (" + e + "); workers see null");
            } catch (StackOverflowError e) {
                // serialization recurses once per object: a linked list of a million nodes overflows it, and that
                // must not stop every worker from starting, whether or not it uses the variable
                host.warn("variable " + v.name() + " (" + v.value().getClass().getName() + ") is nested too deeply"
                        + " to copy to workers (copying it overflowed the stack); workers see null");
            }
        }
        return values;
    }

    /**
     * What the copies of the notebook's variables may take in all: a quarter of a worker's heap (64 MB of the default
     * 256). A worker reads every copy back beside its own data, whether or not its task uses it: a 200 MB array ended
     * each worker in "Terminating due to java.lang.OutOfMemoryError" before its task began.
     */
    static long copyBudget() {
        return WorkerJvmOptions.heapBytes() / 4;
    }

    private static long megabytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    static List<String> classpath(WorkerHost host) {
        List<String> paths = new ArrayList<>();
        host.userClasspath().forEach(p -> paths.add(p.toAbsolutePath().toString()));
        return paths;
    }
}
