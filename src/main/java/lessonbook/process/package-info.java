/**
 * Child JVMs, one way for all: the kernel (started by the app) and the workers (started by the kernel, by a
 * worker, or by a plain program) are launched, authenticated, talked to and ended through this package. JDK
 * only, in the manner of JShell's {@code jdk.jshell.execution.Util}.
 *
 * <h2>Security model</h2>
 * The threat is another user on the same machine (a shared lab computer): they can read every process's
 * command line ({@code /proc/PID/cmdline}), see which loopback ports listen, and connect to them. They cannot
 * read this user's files, pipes or process environment, nor sniff loopback traffic. Hence:
 * <ul>
 * <li>No secret on a command line or in the environment: a child's {@link lessonbook.process.ChildTicket}
 *     (its host's port and two fresh 32-byte secrets) is the first line of its stdin pipe. The host then keeps
 *     that pipe open and silent: its end is the host's death ({@link lessonbook.process.ParentWatch}).</li>
 * <li>Every connection proves itself before anything is deserialized: a fixed-size greeting of 40 bytes,
 *     read with a 5 s bound on the whole greeting, compared in constant time
 *     ({@link lessonbook.process.Handshake}). The host answers with the second secret, so the child also
 *     knows it reached its host before it sends anything (its port was bound before the child started, so a
 *     stranger cannot hold it; the answer guards against a wrong port all the same). A stranger's connection
 *     is closed unanswered and counted; the host goes on waiting for its child until the start deadline
 *     ({@link lessonbook.process.ChildProcess}).</li>
 * <li>Every object read goes through an allow-list with per-message limits
 *     ({@link lessonbook.process.AllowList}): the protocol's records and their JDK parts on a channel
 *     ({@link lessonbook.process.ObjectChannel}); for user values (tasks, inputs, results, variables) the
 *     user's own classes and a fixed list of JDK value types ({@link lessonbook.process.UserValues}). No
 *     array may be larger than its stream could carry, checked before the JDK allocates it.</li>
 * </ul>
 * A process running the user's own code (a cell, a task) is trusted as the user: it could always read the
 * secrets from its own JVM. The allow-lists keep a confused peer from doing more than sending wrong messages.
 *
 * <h2>Threads</h2>
 * Host: per launch one acceptor thread until the child connected, and one short-lived greeter thread per
 * connection being checked (at most 8 at once; more are closed unread). A channel has any number of senders
 * and one reader. Child: one daemon parent-watch thread for the JVM's life; when its stdin ends,
 * {@link lessonbook.process.EndThisJvm#parentGone()} ends the child's process tree and the child.
 */
package lessonbook.process;
