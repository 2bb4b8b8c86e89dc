package lessonbook.kernel.jvm;

/**
 * Whose turn it is to use the kernel's JShell, which serves one thread at a time. The evaluating thread takes a
 * turn for each request it serves (a cell, the variables), in the order they arrived, and lends it out while a
 * cell's own code runs: JShell then only waits for that code to return, so an editor's question (a completion, a
 * documentation) is answered while a cell runs, however long it runs, instead of after it, as Jupyter kernels do.
 * <p>
 * A question still waits for the requests the kernel received before it (the host sends a cell when the one before
 * it has ended), so that it sees what they define: a method sent just before Ctrl+Space is offered. A cell's end
 * waits for a question being answered: 25-30 ms, the first of a session ~270 ms (measured beside a runaway loop on
 * 2 cores), well inside the second an interrupted cell has to end before the host restarts the kernel
 * ({@code KernelLauncher.interruptGrace}).
 * <p>
 * Threads: {@link #queued} and {@link #questionAsked} on the socket reader thread; {@link #beginRequest},
 * {@link #endRequest}, {@link #codeStarts} and {@link #codeEnded} on the evaluating thread;
 * {@link #beginQuestion} and {@link #endQuestion} on the thread that answers questions.
 */
final class JShellTurns {
    private long queued;        // requests handed to the evaluating thread so far
    private long finished;      // of those, the ones it has served, which it does in arrival order
    private boolean lent;       // the request being served (number finished + 1) runs its cell code, JShell lent out
    private Thread holder;      // who uses JShell now; null: free

    /** A request joins the evaluating thread's queue. */
    synchronized void queued() {
        queued++;
    }

    /** An editor's question arrived: returns how many requests it must see served (or running their code) first. */
    synchronized long questionAsked() {
        return queued;
    }

    /** The evaluating thread takes its next request, waiting for a question being answered. */
    synchronized void beginRequest() {
        awaitFree();
        holder = Thread.currentThread();
    }

    /** The evaluating thread is done with its request. */
    synchronized void endRequest() {
        finished++;
        holder = null;
        notifyAll();
    }

    /**
     * A cell's code starts running: JShell is free for questions until {@link #codeEnded}. A no-op outside a
     * request (the kernel's start-up snippets), so that only a turn taken is lent.
     */
    synchronized void codeStarts() {
        if (holder == Thread.currentThread()) {
            holder = null;
            lent = true;
            notifyAll();
        }
    }

    /** The cell's code returned: the evaluating thread takes JShell back, after a question being answered. */
    synchronized void codeEnded() {
        if (lent) {
            lent = false;
            awaitFree();
            holder = Thread.currentThread();
        }
    }

    /**
     * Waits until the {@code after} requests that arrived before the question are served, or the last of them is
     * running its code, and JShell is free; then the caller uses JShell until {@link #endQuestion}.
     */
    synchronized void beginQuestion(long after) throws InterruptedException {
        while (holder != null || !(finished >= after || lent && finished + 1 == after)) {
            wait();
        }
        holder = Thread.currentThread();
    }

    synchronized void endQuestion() {
        holder = null;
        notifyAll();
    }

    /** Waits without giving up on an interrupt: the evaluating thread must take its turn; the interrupt is kept. */
    private void awaitFree() {
        boolean interrupted = false;
        while (holder != null) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
