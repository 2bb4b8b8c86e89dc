/**
 * The machinery behind the shared objects of {@code lessonbook.workers} ({@code WorkerQueue}, {@code WorkerLock},
 * {@code SharedLong}...): JDK only, no broker process. Each object is a {@link lessonbook.workers.shared.Segment},
 * a file mapped by every process that uses it (see {@link lessonbook.workers.shared.SegmentFiles} for where and
 * who may read it); atomic operations are VarHandle operations on the mapping, a lock is one word of it
 * ({@link lessonbook.workers.shared.WordLock}), a queue a ring of bytes ({@link lessonbook.workers.shared.ByteQueue}),
 * and every wait is a {@link lessonbook.workers.shared.Waiting}: spin, yield, park, and give up with
 * a {@link lessonbook.workers.shared.SharedObjectFailure} when nobody is left to end it. The public classes turn
 * that failure into the student's exception, so this package depends on nothing above it.
 * <p>
 * An object travels to another process as its file's path: the public classes serialize their path and map
 * the file again on the other side ({@code readResolve}); one mapping per file and process.
 */
package lessonbook.workers.shared;
