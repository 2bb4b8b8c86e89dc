package lessonbook.workers;

/**
 * A small starting JVM for tests that kill it: starts workers that never end, prints their pids, then waits.
 * Argument "daemon" makes the workers daemon.
 */
public final class ParentProgram {
    private ParentProgram() {
    }

    public static void main(String[] args) throws Exception {
        boolean daemon = args.length > 0 && args[0].equals("daemon");
        StringBuilder pids = new StringBuilder("pids");
        for (int i = 0; i < 2; i++) {
            Worker w = new Worker(() -> {
                while (true) {
                    Thread.onSpinWait();
                }
            }).daemon(daemon);
            w.start();
            pids.append(' ').append(w.pid());
        }
        WorkerPool pool = new WorkerPool(1);
        pids.append(' ').append(pool.pids().get(0));
        System.out.println(pids);
        Thread.currentThread().join();   // until killed
    }
}
