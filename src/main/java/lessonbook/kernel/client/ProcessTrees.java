package lessonbook.kernel.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Killing a kernel together with everything it started. */
final class ProcessTrees {
    private ProcessTrees() {
    }

    /** A process as last seen: pid plus start time, so a recycled pid is never killed by mistake. */
    record Known(long pid, Optional<Instant> started) {
        static Known of(ProcessHandle handle) {
            return new Known(handle.pid(), handle.info().startInstant());
        }

        void destroy() {
            ProcessHandle.of(pid).filter(h -> started.isEmpty() || h.info().startInstant().equals(started))
                    .ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    static List<Known> descendants(ProcessHandle root) {
        return root.descendants().map(Known::of).collect(Collectors.toList());
    }

    /** Descendants first (once the root dies they are re-parented and out of reach), then the root. */
    static void kill(ProcessHandle root, List<Known> alsoKnown, Duration wait) {
        List<Known> all = new ArrayList<>(descendants(root));
        all.addAll(alsoKnown);
        all.forEach(Known::destroy);
        root.destroyForcibly();
        try {
            root.onExit().get(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // best effort: the caller moves on either way
        }
    }
}
