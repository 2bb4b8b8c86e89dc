package lessonbook.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import lessonbook.kernel.client.KernelStatus;
import lessonbook.model.Output;
import lessonbook.model.StreamName;

class OutputCoalescerTest {
    private final List<List<KernelUpdate>> batches = new ArrayList<>();
    private final AtomicInteger handOvers = new AtomicInteger();
    /** Stands for the UI thread: one thread, running hand-overs in order. */
    private final ExecutorService single = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopTheUiThread() throws InterruptedException {
        single.shutdownNow();
        assertThat(single.awaitTermination(10, TimeUnit.SECONDS)).as("the stand-in UI thread ended").isTrue();
    }

    private OutputCoalescer coalescer(CountDownLatch untilLines) {
        return new OutputCoalescer(task -> {
            handOvers.incrementAndGet();
            single.execute(task);
        }, batch -> {
            batches.add(batch);
            for (KernelUpdate u : batch) {
                if (u instanceof KernelUpdate.CellOutput o) {
                    o.output().text().chars().filter(c -> c == '\n').forEach(c -> untilLines.countDown());
                }
            }
        });
    }

    @Test
    void manyWritesBecomeFewHandOversInOrder() throws Exception {
        int lines = 200_000;
        CountDownLatch all = new CountDownLatch(lines);
        OutputCoalescer c = coalescer(all);
        c.offer(new KernelUpdate.Status(KernelStatus.BUSY, ""));
        for (int i = 0; i < lines; i++) {
            c.offer(new KernelUpdate.CellOutput("a", new Output.Stream(StreamName.STDOUT, i + "\n")));
        }
        assertThat(all.await(20, TimeUnit.SECONDS)).isTrue();
        drain();
        c.close();
        assertThat(handOvers.get()).isEqualTo(batches.size()).isLessThan(lines / 100);
        assertThat(batches.get(0).get(0)).isInstanceOf(KernelUpdate.Status.class);
        StringBuilder joined = new StringBuilder();
        batches.forEach(b -> b.forEach(u -> {
            if (u instanceof KernelUpdate.CellOutput o) {
                joined.append(o.output().text());
            }
        }));
        assertThat(joined.toString()).startsWith("0\n1\n2\n").endsWith((lines - 1) + "\n");
        assertThat(joined.toString().split("\n")).hasSize(lines);
    }

    @Test
    void differentStreamsAndCellsAreNotJoined() throws Exception {
        CountDownLatch all = new CountDownLatch(3);
        OutputCoalescer c = coalescer(all);
        c.offer(new KernelUpdate.CellOutput("a", new Output.Stream(StreamName.STDOUT, "x\n")));
        c.offer(new KernelUpdate.CellOutput("a", new Output.Stream(StreamName.STDERR, "y\n")));
        c.offer(new KernelUpdate.CellOutput("b", new Output.Stream(StreamName.STDERR, "z\n")));
        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        c.close();
        List<KernelUpdate> flat = new ArrayList<>();
        batches.forEach(flat::addAll);
        assertThat(flat).extracting(u -> ((KernelUpdate.CellOutput) u).cellId() + ":"
                + ((KernelUpdate.CellOutput) u).output().text()).containsExactly("a:x\n", "a:y\n", "b:z\n");
    }

    @Test
    void aFloodIsHandedOverLessOftenAndACongestedUiSlowsItFurtherUpToACap() throws Exception {
        CountDownLatch handedOver = new CountDownLatch(1);
        OutputCoalescer c = new OutputCoalescer(single, batch -> handedOver.countDown());
        long least = TimeUnit.MILLISECONDS.toNanos(OutputCoalescer.FLUSH_INTERVAL_MS);
        assertThat(c.interval()).isEqualTo(least);
        c.offer(new KernelUpdate.CellOutput("a", new Output.Stream(StreamName.STDOUT,
                "x".repeat(OutputCoalescer.FLOOD_CHARS))));
        assertThat(handedOver.await(10, TimeUnit.SECONDS)).isTrue();
        drain();
        assertThat(c.interval()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(OutputCoalescer.FLOOD_INTERVAL_MS));
        c.close();

        // A UI thread that picks each hand-over up late (a long pulse, a slow paint) makes the next wait longer:
        // the executor stands for such a UI thread by holding each task back before running it.
        CountDownLatch late = new CountDownLatch(1);
        OutputCoalescer congested = new OutputCoalescer(task -> single.execute(() -> {
            try {
                Thread.sleep(2 * OutputCoalescer.MAX_INTERVAL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            task.run();
        }), batch -> late.countDown());
        congested.offer(new KernelUpdate.CellOutput("a", new Output.Stream(StreamName.STDOUT, "x\n")));
        assertThat(late.await(10, TimeUnit.SECONDS)).isTrue();
        drain();
        assertThat(congested.interval()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(OutputCoalescer.MAX_INTERVAL_MS));
        congested.close();
    }

    private void drain() throws InterruptedException {
        CountDownLatch drained = new CountDownLatch(1);
        single.execute(drained::countDown);
        assertThat(drained.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
