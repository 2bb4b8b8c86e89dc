package lessonbook.kernel.jvm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import jdk.jshell.spi.ExecutionControl.ResolutionException;
import jdk.jshell.spi.ExecutionControl.RunException;
import jdk.jshell.spi.ExecutionControl.UserException;
import jdk.jshell.spi.SPIResolutionException;
import lessonbook.model.TraceText;

/**
 * What a cell threw, as JShell's engine hands it on (a chain of {@link UserException}s), made here instead of by the
 * engine. The engine's conversion ({@code DirectExecutionControl.asRunException}) and JShell's after it
 * ({@code Eval.asEvalException}) recurse once per cause: a chain of 200,000 causes (a loop wrapping what it caught)
 * overflowed the stack, and the cell said only "The kernel failed to evaluate this cell: StackOverflowError". Here
 * at most {@link TraceText#MAX_EXCEPTIONS} exceptions of the chain are converted, each message cut
 * ({@link TraceText#message}), and a marker cause of type {@link #MORE_CAUSES} says how many more there were
 * ({@link ErrorReport} shows it as a line of its own).
 */
final class CellExceptions {
    /** The type name of the marker that stands for the causes left out; its message says how many. */
    static final String MORE_CAUSES = "lessonbook.kernel.MoreCauses";

    private CellExceptions() {
    }

    static RunException of(Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        Throwable next = thrown;
        while (next != null && chain.size() < TraceText.MAX_EXCEPTIONS && seen.add(next)) {
            chain.add(next);
            if (next instanceof SPIResolutionException) {
                next = null;    // as the engine: an unresolved reference ends the chain
                break;
            }
            next = next.getCause();
        }
        RunException first = null;
        UserException last = null;
        for (Throwable t : chain) {
            RunException converted = convert(t);
            if (last == null) {
                first = converted;
            } else {
                last.initCause(converted);
            }
            if (!(converted instanceof UserException)) {
                return first;
            }
            last = (UserException) converted;
        }
        if (next != null && !seen.contains(next)) {
            int more = 1 + TraceText.causesAfter(next);
            String count = String.format("%,d more %s not kept", more, more == 1 ? "cause" : "causes");
            last.initCause(new UserException(count, MORE_CAUSES, new StackTraceElement[0]));
        }
        return first;
    }

    private static RunException convert(Throwable t) {
        if (t instanceof SPIResolutionException) {
            return new ResolutionException(((SPIResolutionException) t).id(), t.getStackTrace());
        }
        return new UserException(TraceText.messageOf(t), t.getClass().getName(), t.getStackTrace());
    }
}
