package lessonbook.kernel.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import lessonbook.process.ChildProcess;
import lessonbook.process.CompiledLoops;
import lessonbook.process.ExtraJvmOptions;

/**
 * How a kernel JVM is started: {@code <java.home>/bin/java -cp <this JVM's class path> [options] <main>}; its
 * port and secrets reach it on stdin ({@link lessonbook.process.ChildTicket}), never on this command line. Main
 * class and options are parameters so tests can start kernels that hang, die or flood.
 */
public final class KernelLauncher {
    public static final String KERNEL_MAIN = "lessonbook.kernel.jvm.KernelMain";

    /**
     * Cheap start-up wins that do not slow long-running cells: the serial collector starts fastest and suits a
     * one-user heap; class data sharing is on by default and kept. (TieredStopAtLevel=1 would start faster
     * but leaves cells' loops in the C1 compiler.) java.lang is opened so the kernel can number the threads
     * cells create from "Thread-0" as jshell does (lessonbook.kernel.jvm.ThreadNumbers); without it they still run.
     * Its cost: on JDK 17 the option turns off CDS's archived full module graph (-Xlog:cds says "full module
     * graph: disabled"); the dynamic class-data archive is still mapped. The loop options are the workers'
     * ({@link CompiledLoops}): the sequential run and the workers compile a cell's loops alike.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = Stream.concat(Stream.of("-XX:+UseSerialGC",
            "-XX:-UsePerfData", "-Dfile.encoding=UTF-8", "--add-opens=java.base/java.lang=ALL-UNNAMED"),
            CompiledLoops.OPTIONS.stream()).toList();

    /**
     * JVM options for the kernel, given to the app or {@code run} ({@code -Dlessonbook.kernel.jvmOptions="-Xmx2g"}),
     * as {@code lessonbook.workers.jvmOptions} is for the workers.
     */
    public static final String EXTRA_OPTIONS_PROPERTY = "lessonbook.kernel.jvmOptions";

    private final String mainClass;
    private final List<String> jvmOptions;
    private final Duration startTimeout;
    private final Duration interruptGrace;
    private final ClassDataCache classData;
    private final int niceness;

    private KernelLauncher(String mainClass, List<String> jvmOptions, Duration startTimeout, Duration interruptGrace,
            ClassDataCache classData, int niceness) {
        this.mainClass = mainClass;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.startTimeout = startTimeout;
        this.interruptGrace = interruptGrace;
        this.classData = classData;
        this.niceness = niceness;
    }

    /** The real kernel, with the class-data archive in the user cache unless {@code -Dlessonbook.cds=false}. */
    public static KernelLauncher standard() {
        ClassDataCache cache = Boolean.parseBoolean(System.getProperty("lessonbook.cds", "true"))
                ? ClassDataCache.inUserCache() : null;
        return new KernelLauncher(KERNEL_MAIN, DEFAULT_JVM_OPTIONS, Duration.ofSeconds(30), Duration.ofSeconds(1), cache, 0);
    }

    public KernelLauncher withMainClass(String newMainClass) {
        return new KernelLauncher(newMainClass, jvmOptions, startTimeout, interruptGrace, classData, niceness);
    }

    public KernelLauncher withJvmOptions(List<String> options) {
        return new KernelLauncher(mainClass, options, startTimeout, interruptGrace, classData, niceness);
    }

    public KernelLauncher withStartTimeout(Duration timeout) {
        return new KernelLauncher(mainClass, jvmOptions, timeout, interruptGrace, classData, niceness);
    }

    /** How long a cell gets to stop after an interrupt before its kernel is killed and restarted. */
    public KernelLauncher withInterruptGrace(Duration grace) {
        return new KernelLauncher(mainClass, jvmOptions, startTimeout, grace, classData, niceness);
    }

    /** The class-data archive to start kernels with, or null for none. */
    public KernelLauncher withClassDataCache(ClassDataCache cache) {
        return new KernelLauncher(mainClass, jvmOptions, startTimeout, interruptGrace, cache, niceness);
    }

    /**
     * Starts the kernel (and so every worker it starts) at this lower CPU priority ({@code nice -n}, where the
     * system has {@code nice}; 0 = as this JVM). A desktop app uses it so that a cell printing or computing
     * flat out cannot take the cores its window needs to draw.
     */
    public KernelLauncher withNiceness(int increment) {
        return new KernelLauncher(mainClass, jvmOptions, startTimeout, interruptGrace, classData,
                Math.max(0, Math.min(19, increment)));
    }

    public ClassDataCache classDataCache() {
        return classData;
    }

    public Duration startTimeout() {
        return startTimeout;
    }

    public Duration interruptGrace() {
        return interruptGrace;
    }

    /** The kernel's command line: no port, no secret (anyone on the machine can read a command line). */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        Path nice = niceness > 0 ? niceCommand() : null;
        if (nice != null) {
            // nice execs the JVM: the process (and its pid) is the kernel's own.
            command.addAll(List.of(nice.toString(), "-n", String.valueOf(niceness)));
        }
        command.add(ChildProcess.javaExecutable());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        // Not -XX:+ExitOnOutOfMemoryError: a cell that runs out of memory fails as in jshell and the kernel keeps
        // its definitions; the kernel ends itself on one outside cell code (lessonbook.kernel.jvm.KernelMemory).
        command.addAll(jvmOptions);
        if (classData != null) {
            command.addAll(classData.kernelOptions());
        }
        // after the defaults and the archive's, so that the user's choice (a heap, a compiler level, -Xlog over the
        // archive's -Xlog:disable) wins where they overlap
        command.addAll(ExtraJvmOptions.fromProperty(EXTRA_OPTIONS_PROPERTY));
        String trace = System.getProperty("lessonbook.kernel.trace");
        if (trace != null) {
            command.add("-Dlessonbook.kernel.trace=" + trace);
        }
        // the kernel starts the workers and runs %maven: settings given to the app for those (worker heap, spares,
        // JVM options; repositories, local repository, the resolver's own aether.* keys) are meant for it
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("lessonbook.workers.") || name.startsWith("lessonbook.maven.")
                    || name.startsWith("aether.") || name.equals("maven.repo.local")) {
                command.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        command.add(mainClass);
        return command;
    }

    /** {@code nice} where the system has one (Linux, macOS), else null: the kernel then runs at normal priority. */
    private static Path niceCommand() {
        for (String dir : List.of("/usr/bin", "/bin")) {
            Path candidate = Path.of(dir, "nice");
            if (java.nio.file.Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
