package lessonbook.workers.runtime;

import java.io.NotSerializableException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Copies of the notebook's top-level variables for a worker, as fork would give them: for a worker, those its
 * task can reach; for a pool, all of them, when it starts (as Python's pool forks its workers then). Either way a
 * notice names a variable that could not be copied only when the code sent can reach it.
 */
final class Variables {
    private Variables() {
    }

    /**
     * Copies of the variables that {@code task} (a worker's task as bytes) can reach (see {@link SnippetReach}), as
     * they are now; every variable when its reach cannot be told. One that cannot be copied is named in a warning.
     */
    static List<Messages.VariableValue> snapshotFor(WorkerHost host, byte[] task) {
        return copies(host, SnippetReach.ofTask(host, task), null);
    }

    /**
     * Copies of every variable, as they are now: a pool's functions are not known when it starts. The variables
     * that could not be copied are kept for {@link Snapshot#warnReachableBy}, so that a notice names only one a
     * function can reach.
     */
    static Snapshot snapshot(WorkerHost host) {
        List<Missed> missed = new ArrayList<>();
        return new Snapshot(copies(host, null, missed), missed);
    }

    /** A variable left out of a snapshot, and the notice that says why. */
    record Missed(TopLevelVariable variable, String notice) {
    }

    /** A pool's copies of the variables, and the ones it could not copy. */
    record Snapshot(List<Messages.VariableValue> values, List<Missed> missed) {
        /**
         * Warns about each variable left out that {@code code} (a function or initializer, as bytes) can reach,
         * directly or through the snippets the copies it reaches name.
         */
        void warnReachableBy(WorkerHost host, byte[] code) {
            if (missed.isEmpty()) {
                return;
            }
            SnippetReach reach = SnippetReach.ofTask(host, code);
            boolean grew = true;
            List<Messages.VariableValue> pending = new ArrayList<>(values);
            while (grew) {
                grew = false;
                for (Iterator<Messages.VariableValue> it = pending.iterator(); it.hasNext(); ) {
                    Messages.VariableValue value = it.next();
                    if (reach.covers(value.declaringClass())) {
                        it.remove();
                        grew |= reach.widenBy(value.value());
                    }
                }
            }
            for (Missed m : missed) {
                if (reach.covers(m.variable().declaringClass())) {
                    host.warn(m.notice());
                }
            }
        }
    }

    /**
     * Serializes each variable in {@code reach} (null: all); one that cannot travel is left null in workers, and so
     * is one past {@link #copyBudget()}: each is named in a warning, or added to {@code missed} when that is not
     * null. A copy that names snippets the reach lacks (an object of a class whose code reads another variable)
     * widens it.
     */
    private static List<Messages.VariableValue> copies(WorkerHost host, SnippetReach reach, List<Missed> missed) {
        List<Messages.VariableValue> values = new ArrayList<>();
        List<TopLevelVariable> pending = new ArrayList<>(host.topLevelVariables());
        long budget = copyBudget();
        long[] left = {budget};
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Iterator<TopLevelVariable> it = pending.iterator(); it.hasNext(); ) {
                TopLevelVariable v = it.next();
                if (reach != null && !reach.covers(v.declaringClass())) {
                    continue;
                }
                it.remove();
                Consumer<String> warn = missed == null ? host::warn : notice -> missed.add(new Missed(v, notice));
                byte[] copy = copy(v, warn, budget, left);
                if (copy != null) {
                    values.add(new Messages.VariableValue(v.name(), v.declaringClass(), v.field(), copy));
                    grew |= reach != null && reach.widenBy(copy);
                }
            }
        }
        return values;
    }

    /** {@code v} serialized, taken from what is {@code left} of the budget; null, with a warning, if it cannot be. */
    private static byte[] copy(TopLevelVariable v, Consumer<String> warn, long budget, long[] left) {
        try {
            byte[] copy = Payloads.toBytes(v.value());
            if (copy.length > left[0]) {
                warn.accept(String.format("variable %s (%s) is %,d MB as a copy, more than a worker takes (%,d MB for"
                        + " all variables, a quarter of its heap); workers see null. Share it with SharedLongArray"
                        + " or SharedDoubleArray, or give a worker only the part it needs.", v.name(),
                        v.value().getClass().getTypeName(), megabytes(copy.length), megabytes(budget)));
                return null;
            }
            left[0] -= copy.length;
            return copy;
        } catch (NotSerializableException e) {
            String type = v.value().getClass().getName();
            String inner = e.getMessage() != null && !e.getMessage().equals(type)
                    ? " (it holds a " + e.getMessage() + ")" : "";
            warn.accept("variable " + v.name() + " (" + type + ") is not Serializable" + inner + "; workers see null");
        } catch (RuntimeException e) {
            warn.accept("variable " + v.name() + " could not be copied to workers (" + e + "); workers see null");
        } catch (StackOverflowError e) {
            // serialization recurses once per object: a linked list of a million nodes overflows it, and that
            // must not stop every worker from starting, whether or not it uses the variable
            warn.accept("variable " + v.name() + " (" + v.value().getClass().getName() + ") is nested too deeply"
                    + " to copy to workers (copying it overflowed the stack); workers see null");
        }
        return null;
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
