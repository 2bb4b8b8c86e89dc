package lessonbook.kernel.jvm;

import java.util.List;

import lessonbook.jit.CompilerDirectives;

/**
 * Keeps the kernel's own work for a cell out of the way of the workers the cell starts: javac, JShell and Java
 * serialization are compiled by C1 only, never by C2.
 * <p>
 * Why: each cell is compiled by javac inside the kernel, and the cell then sends its workers their tasks and the
 * notebook's variables through Java serialization. C2 spends seconds optimising the methods these made hot, on
 * its own thread, while the cell's workers are meant to have every core. In a run of the default lesson the
 * kernel's C2 thread used 1.3 s of CPU during the worker cells (single compiles of javac's {@code ClassReader} and
 * {@code PoolReader} and of {@code ObjectOutputStream.writeClassDesc} took 1.7-2 s each, waiting for a core).
 * With javac, JShell and zipfs at C1 it still spent 1.1 s, most of it on {@code java.io.Object*}. Later the JDK's
 * class writer (its internal ASM, which spins each lambda's and method handle's class) became hot after a few cells:
 * C2's compile of its {@code Frame.execute} took 60-140 ms of CPU inside the lesson's timed "one worker per input"
 * cell in two runs of two (logged with {@code -XX:+LogCompilation}). javac at C1's
 * level is fast enough for notebook cells (bench {@code eval.warm}: 8-12 ms against 19 ms with C2, which was
 * still compiling), the kernels that {@code grade} starts already run C1 only, and the kernel's serialization
 * is small messages whose cost is latency (a pool's {@code map} of 1,000 items in a kernel: ~0.001 ms per item
 * either way).
 * <p>
 * The cells' own code, and the JDK code it calls, keep C2; a cell that itself serializes millions of objects
 * runs that part at C1 speed. The directive is added once the kernel is ready (its ~100 ms of CPU are off the
 * start-up path); {@code -Dlessonbook.kernel.javacAtC1=false} leaves the compilers as they are (the kernels
 * {@code grade} starts, C1 only already, say so and save the directive's ~100 ms of CPU).
 */
final class KernelCompilers {
    /** {@code -Dlessonbook.kernel.javacAtC1=false} in the kernel JVM: no directive. */
    static final String OFF_PROPERTY = "lessonbook.kernel.javacAtC1";

    /**
     * javac, JShell, what javac reads class files through (the JDK's image, the jars on the class path), and
     * Java serialization, which the kernel uses for what it sends workers and the app (tasks, variables, events),
     * and the JDK's class writers (ASM up to JDK 23, the ClassFile API after). Also our own rewrite of each cell's
     * classes ({@link LoopRotation}, with ASM: relocated under {@code lessonbook/shaded} in the jar, under its own
     * name in a build's classes). It runs as each cell's classes load, and in a run of the lesson C2 compiled ASM's
     * {@code ClassReader} and {@code SymbolTable} between 4.9 and 16.7 s, while the worker cells ran
     * ({@code -XX:+LogCompilation}, 7 December).
     */
    static final List<String> C1_ONLY = List.of("com/sun/tools/javac/*.*", "jdk/jshell/*.*",
            "jdk/internal/jrtfs/*.*", "jdk/internal/jimage/*.*", "jdk/nio/zipfs/*.*", "java/io/Object*.*",
            "jdk/internal/org/objectweb/asm/*.*", "jdk/internal/classfile/*.*", "java/lang/classfile/*.*",
            "lessonbook/shaded/asm/*.*", "org/objectweb/asm/*.*", "lessonbook/kernel/jvm/LoopRotation*.*");

    private KernelCompilers() {
    }

    /** Adds the directive on a background thread; returns at once. */
    static void javacAtC1InBackground() {
        if ("false".equals(System.getProperty(OFF_PROPERTY))) {
            return;
        }
        Thread thread = new Thread(() -> CompilerDirectives.add(CompilerDirectives.c2Excluded(C1_ONLY)),
                "lessonbook-kernel-compilers");
        thread.setDaemon(true);
        thread.start();
    }
}
