package lessonbook.workers.runtime;

import java.io.NotSerializableException;
import java.util.ArrayList;
import java.util.List;

/** Copies of the notebook's top-level variables for a worker, as fork would give them. */
final class Variables {
    private Variables() {
    }

    /** Serializes each variable now; one that cannot travel is named in a warning and left null in workers. */
    static List<Messages.VariableValue> snapshot(WorkerHost host) {
        List<Messages.VariableValue> values = new ArrayList<>();
        for (TopLevelVariable v : host.topLevelVariables()) {
            try {
                values.add(new Messages.VariableValue(v.name(), v.declaringClass(), v.field(), Payloads.toBytes(v.value())));
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

    static List<String> classpath(WorkerHost host) {
        List<String> paths = new ArrayList<>();
        host.userClasspath().forEach(p -> paths.add(p.toAbsolutePath().toString()));
        return paths;
    }
}
