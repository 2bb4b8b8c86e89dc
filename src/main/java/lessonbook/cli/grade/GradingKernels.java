package lessonbook.cli.grade;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import lessonbook.kernel.client.JvmKernel;
import lessonbook.kernel.client.Kernel;
import lessonbook.kernel.client.KernelLauncher;

/**
 * The kernels {@code lessonbook grade} starts: the standard kernel (one JVM per submission, as isolated as a
 * window's kernel), tuned for a life of a few short cells.
 * <p>
 * Why: a grading kernel lives about a second of CPU, and the standard kernel's background work, free for a
 * window's kernel that waits on a person, is most of that CPU. Measured per submission of the bench's lesson
 * (3 exercises, 8 cells; CPU of the kernel's threads from /proc, 2 cores): 4.2-4.5 s with the standard options,
 * 2.1-2.5 s with these; of the 2 s saved, ~1.7 s was C2 compiling javac's methods on the JIT's threads and
 * ~0.3 s the warm-up of the worker serialization paths. One at a time that background work ran on the idle
 * second core for free, so grading in parallel, where every core runs a kernel's main thread, was no faster.
 * <ul>
 *   <li>{@code -XX:TieredStopAtLevel=1}: C1 only. A student's loop runs in C1's code (about 30-50% slower than
 *       C2's at peak), well inside a cell timeout meant for loops that never end.</li>
 *   <li>{@code -Dlessonbook.kernel.noWarmUp=true}: no warm-up of the worker paths, which pays off only in a
 *       long-lived kernel's timed worker runs.</li>
 *   <li>{@code -Dlessonbook.kernel.javacAtC1=false}: no compiler directive to keep C2 off javac, as there is no
 *       C2 (the directive costs ~100 ms of CPU per kernel).</li>
 * </ul>
 */
public final class GradingKernels {
    static final List<String> EXTRA_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1",
            "-Dlessonbook.kernel.noWarmUp=true", "-Dlessonbook.kernel.javacAtC1=false");

    private GradingKernels() {
    }

    public static KernelLauncher launcher() {
        List<String> options = new ArrayList<>(KernelLauncher.DEFAULT_JVM_OPTIONS);
        options.addAll(EXTRA_JVM_OPTIONS);
        return KernelLauncher.standard().withJvmOptions(options);
    }

    /** A fresh kernel per call, each from {@link #launcher()}. */
    public static Supplier<Kernel> fresh() {
        KernelLauncher launcher = launcher();
        return () -> JvmKernel.start(launcher);
    }
}
