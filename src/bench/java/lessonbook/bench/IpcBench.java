package lessonbook.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import lessonbook.workers.SharedLong;
import lessonbook.workers.Worker;
import lessonbook.workers.WorkerEvent;
import lessonbook.workers.WorkerQueue;
import lessonbook.workers.runtime.WorkerRuntime;

/**
 * Figures of the shared objects workers talk through, each next to Python's {@code multiprocessing} doing the
 * same in the same run: {@code queue.round_trip} (the benchmark puts, a worker gets and puts back, the benchmark
 * gets; peer: two {@code mp.Queue}s) and {@code shared.increments_per_s} (four workers on one
 * {@code SharedLong} with {@code incrementAndGet}; peer: {@code Value} with its lock, the way Python makes
 * {@code +=} safe). Runs the worker API directly in the benchmark's JVM, as the workers suite does.
 */
public final class IpcBench {
    private static final int ROUND_TRIPS = Integer.getInteger("lessonbook.bench.ipcRoundTrips", 2_000);
    private static final int WORKERS = 4;
    private static final long INCREMENTS = Long.getLong("lessonbook.bench.ipcIncrements", 5_000_000L);
    private static final long PYTHON_INCREMENTS = Long.getLong("lessonbook.bench.ipcPythonIncrements", 200_000L);

    public List<Figure> run() {
        List<Figure> figures = new ArrayList<>();
        WorkerRuntime.install(new BenchHost());
        try {
            roundTrip(figures);
            increments(figures);
        } catch (Exception e) {
            System.err.println("bench: ipc not measured: " + e);
        } finally {
            WorkerRuntime.terminateAll();
            WorkerRuntime.install(null);
        }
        python(figures);
        return figures;
    }

    private static void roundTrip(List<Figure> figures) {
        var there = new WorkerQueue<Long>();
        var back = new WorkerQueue<Long>();
        Worker echo = new Worker(() -> {
            while (true) {
                long n = there.get();
                back.put(n);
                if (n < 0) {
                    return;
                }
            }
        });
        WorkerRuntime.prewarm(1);
        echo.start();
        for (long i = 0; i < 200; i++) {   // warm: the worker's deserialization paths, the JIT
            there.put(i);
            back.get();
        }
        List<Double> ms = new ArrayList<>();
        for (long i = 0; i < ROUND_TRIPS; i++) {
            long t0 = System.nanoTime();
            there.put(i);
            back.get();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        there.put(-1L);
        back.get();
        echo.join();
        figures.add(new Figure("queue.round_trip", Median.of(ms), "ms"));
    }

    private static void increments(List<Figure> figures) {
        var counter = new SharedLong();
        var done = new SharedLong();
        var go = new WorkerEvent();
        long each = INCREMENTS;
        WorkerRuntime.prewarm(WORKERS);
        List<Worker> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            workers.add(new Worker(() -> {
                go.await();
                for (long i = 0; i < each; i++) {
                    counter.incrementAndGet();
                }
                done.incrementAndGet();
            }));
        }
        workers.forEach(Worker::start);
        long t0 = System.nanoTime();
        go.set();
        while (done.get() < WORKERS) {
            LockSupport.parkNanos(100_000);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        workers.forEach(Worker::join);
        if (counter.get() != WORKERS * each) {
            System.err.println("bench: shared.increments_per_s not measured: lost updates (" + counter.get() + ")");
            return;
        }
        figures.add(new Figure("shared.increments_per_s", WORKERS * each / seconds, "1/s"));
    }

    private static void python(List<Figure> figures) {
        if (!PythonPeer.available()) {
            System.err.println("bench: ipc: no .vs.python peers: python3 is not on the PATH");
            return;
        }
        try {
            String[] outErr = PythonPeer.runProgram(PYTHON, List.of(Integer.toString(ROUND_TRIPS),
                    Long.toString(PYTHON_INCREMENTS)), 300);
            String[] values = outErr[0].strip().split("\\s+");
            figures.add(new Figure("queue.round_trip.vs.python", Double.parseDouble(values[0]), "ms"));
            figures.add(new Figure("shared.increments_per_s.vs.python", Double.parseDouble(values[1]), "1/s"));
        } catch (Exception e) {
            System.err.println("bench: ipc python peers not measured: " + e);
        }
    }

    /** The same two measurements with multiprocessing; prints the median round trip (ms) and increments/s. */
    static final String PYTHON = """
            import multiprocessing as mp, statistics, sys, time
            def echo(there, back):
                while True:
                    n = there.get()
                    back.put(n)
                    if n < 0:
                        return
            def add(counter, go, each):
                go.wait()
                for _ in range(each):
                    with counter.get_lock():
                        counter.value += 1
            if __name__ == "__main__":
                trips, each = int(sys.argv[1]), int(sys.argv[2])
                there, back = mp.Queue(), mp.Queue()
                p = mp.Process(target=echo, args=(there, back))
                p.start()
                for i in range(200):
                    there.put(i); back.get()
                times = []
                for i in range(trips):
                    t0 = time.perf_counter()
                    there.put(i); back.get()
                    times.append((time.perf_counter() - t0) * 1000)
                there.put(-1); back.get(); p.join()
                counter, go = mp.Value('q', 0), mp.Event()
                ps = [mp.Process(target=add, args=(counter, go, each)) for _ in range(4)]
                for q in ps:
                    q.start()
                t0 = time.perf_counter()
                go.set()
                for q in ps:
                    q.join()
                seconds = time.perf_counter() - t0
                assert counter.value == 4 * each
                print(f"{statistics.median(times):.4f} {4 * each / seconds:.0f}")
            """;
}
