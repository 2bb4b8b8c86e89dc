/**
 * The worker runtime behind the teaching API of {@link lessonbook.workers}: the host a kernel installs
 * ({@link lessonbook.workers.runtime.WorkerRuntime#install}, {@link lessonbook.workers.runtime.WorkerHost}), the worker
 * JVMs and their main class, spare JVMs, the control socket's messages, and a pool's engine (dispatching chunks,
 * {@link lessonbook.workers.runtime.PoolLoop} in each worker). Kept out of the API package so that a cell's
 * {@code import lessonbook.workers.*;} does not offer it; what is public here is public for the API and the kernel,
 * not for cells. Uses the JDK, {@link lessonbook.process}, {@link lessonbook.workers.shared}, and from
 * {@link lessonbook.model} only {@code RepeatedFrames} (a worker's printed trace is folded as the kernel folds its
 * own). How many worker JVMs a process may have alive: {@code WorkerLimits}.
 */
package lessonbook.workers.runtime;
