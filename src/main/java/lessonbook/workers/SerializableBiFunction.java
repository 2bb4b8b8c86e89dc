package lessonbook.workers;

import java.io.Serializable;
import java.util.function.BiFunction;

/** A function of two arguments for {@link WorkerPool#starmap}; serializable so that a lambda can travel. */
@FunctionalInterface
public interface SerializableBiFunction<A, B, R> extends BiFunction<A, B, R>, Serializable {
}
