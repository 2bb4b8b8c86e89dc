package lessonbook.process;

import java.util.List;

/**
 * How HotSpot's C2 compiles a cell's loops, the same in every JVM that runs a cell's code (the kernel and its
 * workers): how far it may unroll them, and that they stop for the JVM's safepoints.
 * <p>
 * <b>Unrolling.</b> C2 unrolls a loop at most {@code LoopMaxUnroll} (16) times, but it raises that limit for the
 * whole JVM, for good, the first time it compiles a loop its vectoriser could run on the machine's widest vectors
 * (HotSpot's loopTransform.cpp: {@code LoopMaxUnroll = slp_max_unroll_factor} while the flag is at its default; 64
 * with AVX-512, 32 with AVX2). A kernel gets there within its first seconds, as C2 compiles the JDK's byte-array
 * loops behind javac; a fresh worker JVM never does. So the lesson's loop ({@code res += i}) was unrolled 64 times in
 * the kernel and 16 times in each worker: 65 dependent additions per 64 turns against 68, one turn per cycle at
 * best. Measured on 7 December (2-core AMD EPYC with AVX-512, the workers' flags, one JVM at a time pinned to one
 * core, JDK 17 and 25 alike): a call took 0.299-0.301 s unrolled 16 times, 0.283-0.289 s unrolled 64 times, and
 * a worker's call took 0.295-0.303 s where the kernel's took 0.282-0.289 s in the same minutes.
 * <p>
 * 64 is where the limit ends with AVX-512. On a machine with narrower vectors the kernel alone would stop lower (32
 * with AVX2); there the kernel and the workers both get 64, still alike. A user's own {@code -XX:LoopMaxUnroll}
 * comes later on the command line and wins.
 * <p>
 * <b>Safepoints.</b> With the serial collector (the kernel's and the workers'), C2 leaves every safepoint poll out
 * of a counted loop ({@code UseCountedLoopSafepoints} and loop strip mining are on by default only with G1, ZGC and
 * Shenandoah), so a JVM that needs a safepoint (a collection, a thread dump, the JVM's periodic clean-up) waits for
 * the whole loop: a pool worker's clean-up safepoint waited 1.29 s for the lesson's loop while ten workers shared two
 * cores ({@code -Xlog:safepoint}, "Reaching safepoint: 1293443851 ns"), its VM thread spinning 3.5-5 ms of CPU
 * meanwhile, and every other thread of that worker that needed one stood still (its wait reporter among them). Strip
 * mining, as with G1, polls once per 1,000 turns: a standalone JVM's {@code System.gc()} beside the lesson's loop
 * took ~1.8 ms instead of waiting for the loop's end, and a compiled call of the loop took ~1 % longer (one JVM
 * pinned to a core, four alternating runs: 250.8-254.9 ms against 249.7-251.3), in the kernel and workers alike.
 */
public final class CompiledLoops {
    /** How many times C2 may repeat a loop's body in a row. */
    public static final int MAX_UNROLL_TIMES = 64;
    /** The option, as the kernel's and the workers' command lines carry it. */
    public static final String MAX_UNROLL = "-XX:LoopMaxUnroll=" + MAX_UNROLL_TIMES;
    /** Safepoint polls in counted loops, one per this many turns (G1's default). */
    public static final int STRIP_MINING_TURNS = 1000;
    /** All of the above, as the kernel's and the workers' command lines carry them. */
    public static final List<String> OPTIONS = List.of(MAX_UNROLL, "-XX:+UseCountedLoopSafepoints",
            "-XX:LoopStripMiningIter=" + STRIP_MINING_TURNS);

    private CompiledLoops() {
    }
}
