package lessonbook.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import lessonbook.workers.runtime.WorkerJvmOptions;

/**
 * The ceiling for the lesson's "one process per input" on this machine: ten plain JVMs, started and idle, each
 * running the tutorial's function once on its input when told to, with no Lessonbook in between (no kernel, no
 * task to read, no output to forward). What they lose against half the sequential time is what the OS and the
 * JVM cost, ten loops sharing the cores, each compiled on the fly; what the lesson's workers lose beyond it is ours.
 * <p>
 * Each child is {@link Child}, run with a worker JVM's own options ({@link WorkerJvmOptions#all()}): the same
 * compilers, compiling the same loop the same way.
 */
final class PlainJvms {
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final long SETTLE_MS = 300;

    private PlainJvms() {
    }

    /**
     * Starts one plain JVM per input, waits until all are up, then lets them run at once. Returns the seconds from
     * the first loop's start to the last one's end.
     */
    static double runOnce(List<Long> inputs) throws Exception {
        List<long[]> spans = loopSpans(inputs);
        long first = spans.stream().mapToLong(s -> s[0]).min().orElseThrow();
        long last = spans.stream().mapToLong(s -> s[1]).max().orElseThrow();
        return (last - first) / 1e9;
    }

    /**
     * Starts one plain JVM per input, waits until all are up, then lets them run at once. Returns each loop's start
     * and end ({@code System.nanoTime}), in the order the loops ended.
     */
    static List<long[]> loopSpans(List<Long> inputs) throws Exception {
        try (ScratchFolder scratch = ScratchFolder.create("lessonbook-plain-jvms-")) {
            Path go = scratch.path().resolve("go");
            CountDownLatch ready = new CountDownLatch(inputs.size());
            ConcurrentLinkedQueue<long[]> spans = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            List<Thread> children = new ArrayList<>();
            for (long n : inputs) {
                ProcessBuilder builder = new ProcessBuilder(BoundedChild.javaCommand(WorkerJvmOptions.all(),
                        Child.class, List.of(Long.toString(n), go.toString())));
                Thread child = new Thread(() -> {
                    try {
                        BoundedChild.Ended ended = BoundedChild.run(builder, new BoundedChild.Lines(line -> {
                            if (line.equals(Child.READY)) {
                                ready.countDown();
                            } else {
                                String[] parts = line.split(" ");
                                spans.add(new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])});
                            }
                        }), new BoundedChild.Inherit(), LIMIT);
                        if (!ended.ok()) {
                            failures.add(ended.describe());
                        }
                    } catch (IOException | RuntimeException e) {
                        failures.add(e.toString());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        ready.countDown();   // a child that failed to start must not keep the others waiting
                    }
                }, "plain-jvm-" + n);
                child.start();
                children.add(child);
            }
            if (!ready.await(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                failures.add("not all ready after " + LIMIT.toSeconds() + " s");
            }
            // as a spare settles before it counts as ready: the JVMs' own start-up work (compiles, class loading
            // on their service threads) dies down before the clock starts
            Thread.sleep(SETTLE_MS);
            Files.createFile(go);
            for (Thread child : children) {
                child.join();
            }
            if (!failures.isEmpty() || spans.size() != inputs.size()) {
                throw new IllegalStateException("plain JVMs: " + spans.size() + " of " + inputs.size()
                        + " reported; " + failures);
            }
            return new ArrayList<>(spans);
        }
    }

    /**
     * One plain JVM: says it is ready, waits for the go file, runs the function once, prints when its loop began
     * and ended ({@code System.nanoTime}, one clock for all processes on Linux), and ends as a worker does.
     */
    public static final class Child {
        static final String READY = "ready";

        private Child() {
        }

        public static void main(String[] args) throws Exception {
            long n = Long.parseLong(args[0]);
            Path go = Path.of(args[1]);
            WorkerBench.factorial(1);   // its class loaded before the clock starts, as a worker's task is
            System.out.println(READY);
            while (!Files.exists(go)) {
                Thread.sleep(1);
            }
            long t0 = System.nanoTime();
            long result = WorkerBench.factorial(n);
            long t1 = System.nanoTime();
            System.out.println(t0 + " " + t1 + " " + result);
            Runtime.getRuntime().halt(0);
        }
    }
}
