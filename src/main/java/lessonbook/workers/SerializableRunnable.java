package lessonbook.workers;

import java.io.Serializable;

/**
 * A task for a {@link Worker}. Being {@link Serializable}, a lambda typed to it ({@code () -> factorial(arg)})
 * is compiled by javac into a form that can travel to a worker JVM and run there.
 */
@FunctionalInterface
public interface SerializableRunnable extends Runnable, Serializable {
}
