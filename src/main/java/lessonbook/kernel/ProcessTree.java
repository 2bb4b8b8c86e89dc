package lessonbook.kernel;

import java.util.List;
import java.util.stream.Collectors;

/** Ends the processes this JVM started (cells' own ProcessBuilders, worker JVMs and their children). */
final class ProcessTree {
    private ProcessTree() {
    }

    static void endDescendants() {
        // Collect first: once a parent dies its children are re-parented and no longer reachable from us.
        List<ProcessHandle> all = ProcessHandle.current().descendants().collect(Collectors.toList());
        all.forEach(ProcessHandle::destroyForcibly);
    }
}
