package lessonbook.kernel.jvm;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import lessonbook.kernel.protocol.KernelEvent;
import lessonbook.model.Output;
import lessonbook.model.StreamName;
import lessonbook.workers.runtime.TopLevelVariable;
import lessonbook.workers.runtime.WorkerEvents;
import lessonbook.workers.runtime.WorkerHost;

/** What the worker runtime needs from the kernel: cell classes, notebook variables, and the calling cell. */
final class KernelWorkerHost implements WorkerHost {
    private final CellEvaluator evaluator;
    private final OutputHub hub;
    /** Warnings already shown in the current run: ten workers started in a loop warn once, not ten times. */
    private final Set<String> warned = new HashSet<>();
    private long warnedRun = -1;
    /** Wrapper class name to its static fields: a snippet's class never changes, a redefinition is a new class. */
    private final Map<String, Map<String, Field>> staticFields = new ConcurrentHashMap<>();
    /** Workers of cells started and not yet ended: while any runs, the kernel's warm-up waits. */
    private final AtomicInteger running = new AtomicInteger();
    private volatile Runnable workerEnded = () -> { };

    KernelWorkerHost(CellEvaluator evaluator, OutputHub hub) {
        this.evaluator = evaluator;
        this.hub = hub;
    }

    boolean workersRunning() {
        return running.get() > 0;
    }

    /** Called (on a worker runtime thread) each time a worker of a cell has ended. */
    void onWorkerEnded(Runnable action) {
        workerEnded = action;
    }

    @Override
    public List<Path> runtimeClasspath() {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry));
            }
        }
        return entries;
    }

    @Override
    public List<Path> userClasspath() {
        List<Path> entries = new ArrayList<>();
        entries.add(evaluator.control().dumpDir());
        entries.addAll(evaluator.addedClasspath());
        return entries;
    }

    /** Also counts class path entries added by magics: a pool's workers then reload with them. */
    @Override
    public long classGeneration() {
        return evaluator.control().generation() + evaluator.addedClasspath().size();
    }

    @Override
    public List<TopLevelVariable> topLevelVariables() {
        List<TopLevelVariable> result = new ArrayList<>();
        List<String> classes = evaluator.control().wrapperClassesNewestFirst();
        for (CellEvaluator.Variable variable : evaluator.variables()) {
            find(variable.name(), classes).ifPresent(result::add);
        }
        return result;
    }

    /** The newest wrapper class with a static field of that name holds the variable's current value. */
    private Optional<TopLevelVariable> find(String name, List<String> classes) {
        for (String className : classes) {
            Field field = staticFieldsOf(className).get(name);
            if (field == null) {
                continue;
            }
            try {
                return Optional.of(new TopLevelVariable(name, className, field.getName(), field.get(null)));
            } catch (ReflectiveOperationException | RuntimeException e) {
                warn("cannot read variable " + name + ": " + e);
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * A wrapper class's static fields, looked up once: every {@code start()} copies every variable, and asking
     * each class for each name (a NoSuchFieldException per miss) cost the lesson's loop of ten starts tens of ms.
     */
    private Map<String, Field> staticFieldsOf(String className) {
        return staticFields.computeIfAbsent(className, c -> {
            Map<String, Field> fields = new HashMap<>();
            try {
                for (Field field : evaluator.control().loadedClass(c).getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())) {
                        field.setAccessible(true);
                        fields.put(field.getName(), field);
                    }
                }
            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                // not loaded (a snippet that failed): it holds no variable
            }
            return fields;
        });
    }

    @Override
    public WorkerEvents eventsForCaller() {
        String cell = CellContext.current();
        return new WorkerEvents() {
            @Override
            public void started(String worker, long pid, long epochMillis) {
                running.incrementAndGet();
                evaluator.workerCpu().started(cell, pid);
                hub.enqueue(cell, new Output.WorkerEvent(worker, pid, Output.WorkerEvent.Phase.STARTED, epochMillis,
                        null, 0));
            }

            @Override
            public void line(String worker, long pid, boolean stderr, String text) {
                hub.enqueue(cell, new Output.WorkerLine(worker, pid, stderr ? StreamName.STDERR : StreamName.STDOUT,
                        stderr ? evaluator.traceLines().translate(text) : text, System.currentTimeMillis()));
            }

            @Override
            public void cpu(String worker, long pid, long cpuMillis) {
                evaluator.workerCpu().cpu(cell, pid, cpuMillis);
                hub.offerActivity(new KernelEvent.WorkerCpu(cell, worker, pid, cpuMillis));
            }

            @Override
            public void waits(String worker, long pid, String waitingOn, String holding) {
                hub.offerActivity(new KernelEvent.WorkerWaits(cell, worker, pid, waitingOn, holding));
            }

            @Override
            public void exited(String worker, long pid, int exitCode, long epochMillis, long cpuMillis) {
                evaluator.workerCpu().exited(cell, pid, cpuMillis);
                hub.enqueue(cell, new Output.WorkerEvent(worker, pid, Output.WorkerEvent.Phase.EXITED, epochMillis,
                        exitCode, cpuMillis));
                running.updateAndGet(n -> Math.max(0, n - 1));
                workerEnded.run();
            }
        };
    }

    @Override
    public void warn(String message) {
        String cell = CellContext.current();
        synchronized (warned) {
            if (warnedRun != CellContext.runs()) {
                warnedRun = CellContext.runs();
                warned.clear();
            }
            if (!warned.add(cell + "\n" + message)) {
                return;
            }
        }
        hub.enqueue(cell, new Output.Notice(message));
    }

    @Override
    public String processName() {
        return "MainProcess";
    }
}
