package lessonbook.workers;

import java.io.Serializable;
import java.util.function.Function;

/** A function a {@link WorkerPool} applies in its workers; serializable so that a lambda can travel there. */
@FunctionalInterface
public interface SerializableFunction<T, R> extends Function<T, R>, Serializable {
}
