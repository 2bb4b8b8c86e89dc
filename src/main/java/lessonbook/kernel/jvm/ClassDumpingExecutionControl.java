package lessonbook.kernel.jvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import lessonbook.model.TraceText;

/**
 * JShell's in-process engine (no JDI round trip per snippet) that also writes every class it loads into a
 * session folder, so worker JVMs can load the classes cells define, and counts class generations so they
 * know when to drop a stale loader.
 */
final class ClassDumpingExecutionControl extends LocalExecutionControl {
    private final Path dumpDir;
    private final JShellTurns turns;
    private final AtomicLong generation = new AtomicLong();
    /** Top-level snippet wrapper classes in load order (newest last). */
    private final List<String> wrapperClasses = new ArrayList<>();
    private volatile boolean running;
    private volatile boolean stopRequested;
    private volatile boolean collectYoungBeforeCode;
    private final CellMainThread mainThread = new CellMainThread(ClassDumpingExecutionControl::reportCellThreadUncaught);
    /** The last snippet's value as IJava saves it (see {@link #takeNotebookText()}); null for none. */
    private volatile String notebookText;
    private static final Method NO_OP = noOpMethod();

    /** @param turns lent out while a cell's code runs, so the editor's questions need not wait for it */
    ClassDumpingExecutionControl(Path dumpDir, JShellTurns turns) {
        this.dumpDir = dumpDir;
        this.turns = turns;
    }

    static ExecutionControlProvider provider(ClassDumpingExecutionControl control) {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "lessonbook-local";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException,
            EngineTerminationException {
        ClassBytecodes[] rotated = withLoopsRotated(classes);
        dump(rotated);
        super.load(rotated);
        generation.incrementAndGet();
    }

    @Override
    public void redefine(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException,
            EngineTerminationException {
        ClassBytecodes[] rotated = withLoopsRotated(classes);
        super.redefine(rotated);
        dump(rotated);
        generation.incrementAndGet();
    }

    /**
     * The classes as the kernel and the workers run them: see {@link LoopRotation}. As javac made them when the
     * rewrite cannot run at all (a class path without ASM, whose classes LoopRotation's linking then fails to find).
     */
    private static ClassBytecodes[] withLoopsRotated(ClassBytecodes[] classes) {
        try {
            ClassBytecodes[] rotated = new ClassBytecodes[classes.length];
            for (int i = 0; i < classes.length; i++) {
                rotated[i] = new ClassBytecodes(classes[i].name(), LoopRotation.rotate(classes[i].bytecodes()));
            }
            return rotated;
        } catch (LinkageError e) {
            return classes;
        }
    }

    /**
     * The value the last invoked snippet returned, as a Jupyter Java kernel saves it: its {@code toString()}
     * ({@code abc} where jshell shows {@code "abc"}); an array keeps jshell's {@code int[2] { 1, 2 }}, as its
     * own {@code toString()} ({@code [I@1b6d3586}) tells nothing. Null when the value was null or nothing ran
     * since the last call, which clears it. Called on the thread that evaluates.
     */
    String takeNotebookText() {
        String text = notebookText;
        notebookText = null;
        return text;
    }

    /** A new cell starts: an interrupt of the previous one no longer applies. */
    void clearStop() {
        stopRequested = false;
    }

    /** Whether this cell's snippets start on a young collection when eden is over half full ({@link YoungCollection}). */
    void collectYoungBeforeCode(boolean collect) {
        collectYoungBeforeCode = collect;
    }

    /**
     * Stops the running snippet, also one that has not started yet: an interrupt may arrive while JShell is
     * still compiling, when the engine's own stop finds nothing to stop.
     */
    void requestStop() {
        stopRequested = true;
        stop();
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        if (stopRequested) {
            throw new StoppedException();
        }
        // JShell's own run of an empty method: on JDK 20+ it loads the stop-check class that cells' classes
        // call and clears a stop left by the last interrupt, both private to the engine. It runs on an unnamed
        // thread of JShell's, whose number the cells' threads get back.
        int mark = ThreadNumbers.next();
        super.invoke(NO_OP);
        ThreadNumbers.takeBack(mark);
        // JDK 17's engine makes its own handler the default as it runs a snippet: the kernel's threads need the
        // kernel's while the cell runs too (an OutOfMemoryError there must end the kernel, KernelMemory)
        installKernelThreadsHandler();
        if (collectYoungBeforeCode) {
            // the collection the cell's compile made due, before its code and not in what the code times
            YoungCollection.ifEdenOverHalfFull();
        }
        running = true;
        turns.codeStarts();
        try {
            if (stopRequested) {
                throw new StoppedException();
            }
            CellMainThread.Ran ran = mainThread.run(doitMethod, ClassDumpingExecutionControl::valueString);
            Object value = ran.value();
            notebookText = value == null ? null
                    : value instanceof String || value instanceof Character ? value.toString() : ran.text();
            return ran.text();
        } finally {
            turns.codeEnded();
            running = false;
        }
    }

    /**
     * The engine's own stop raises JShell's stop flag (JDK 20+: cells' classes check it at every method entry
     * and loop, and throw); the snippet's threads are then stopped or interrupted.
     */
    @Override
    public void stop() {
        if (!running) {
            return;
        }
        try {
            super.stop();
        } catch (EngineTerminationException | InternalException e) {
            // The engine ran nothing of its own: the flag is not there to raise.
        }
        mainThread.stop();
    }

    /**
     * What escaped the engine's steps around the cell's code rather than the code itself (the value's
     * {@code toString()} is run with the code, {@link CellMainThread}): an allocation here while the notebook's
     * data fills the heap. The engine would make it an InternalException, which JShell's eval drops without a
     * word: the cell ended "ok" and showed nothing. It is the cell's error instead, as its code's would be.
     */
    @Override
    protected String throwConvertedOtherException(Throwable ex) throws RunException, InternalException {
        if (ex instanceof OutOfMemoryError) {
            KernelMemory.cellRanOutOfMemory();   // as for the cell's own code: room to report it
        }
        return throwConvertedInvocationException(ex);
    }

    /** As the engine, but the exception's causes and messages bounded: {@link CellExceptions}. */
    @Override
    protected String throwConvertedInvocationException(Throwable cause) throws RunException, InternalException {
        throw CellExceptions.of(cause);
    }

    @SuppressWarnings("unused")
    private static void noOp() {
        // see invoke
    }

    long generation() {
        return generation.get();
    }

    Path dumpDir() {
        return dumpDir;
    }

    synchronized List<String> wrapperClassesNewestFirst() {
        List<String> copy = new ArrayList<>(wrapperClasses);
        java.util.Collections.reverse(copy);
        return copy;
    }

    Class<?> loadedClass(String name) throws ClassNotFoundException {
        return findClass(name);
    }

    private void dump(ClassBytecodes[] classes) {
        for (ClassBytecodes bytecodes : classes) {
            Path file = dumpDir.resolve(bytecodes.name().replace('.', '/') + ".class");
            try {
                Files.createDirectories(file.getParent());
                Path temp = Files.createTempFile(file.getParent(), "class", ".tmp");
                Files.write(temp, bytecodes.bytecodes());
                // Atomic so a worker starting right now never reads half a class file.
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write class " + bytecodes.name() + " to " + dumpDir, e);
            }
            String simple = bytecodes.name().substring(bytecodes.name().lastIndexOf('.') + 1);
            if (simple.startsWith("$JShell$") && simple.indexOf('$', "$JShell$".length()) < 0) {
                synchronized (this) {
                    wrapperClasses.remove(bytecodes.name());
                    wrapperClasses.add(bytecodes.name());
                }
            }
        }
    }

    private static Method noOpMethod() {
        try {
            Method method = ClassDumpingExecutionControl.class.getDeclaredMethod("noOp");
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The default handler, for threads outside the cells' group: the kernel's own. An OutOfMemoryError there ends
     * the kernel ({@link KernelMemory}); anything else is shown in the running cell.
     */
    static void installKernelThreadsHandler() {
        Thread.setDefaultUncaughtExceptionHandler(ClassDumpingExecutionControl::reportKernelThreadUncaught);
    }

    private static void reportKernelThreadUncaught(Thread thread, Throwable error) {
        if (error instanceof OutOfMemoryError) {
            KernelMemory.endKernel((OutOfMemoryError) error);
        }
        reportUncaught(thread, error);
    }

    /** A thread a cell started: its OutOfMemoryError is the cell's, as on the cell's own thread. */
    private static void reportCellThreadUncaught(Thread thread, Throwable error) {
        if (error instanceof OutOfMemoryError) {
            KernelMemory.cellRanOutOfMemory();
        }
        reportUncaught(thread, error);
    }

    private static void reportUncaught(Thread thread, Throwable error) {
        if (error instanceof ThreadDeath) {
            return;
        }
        // bounded, unlike printStackTrace: a chain of 200,000 causes or a 50 MB message (TraceText)
        System.err.print("Exception in thread \"" + thread.getName() + "\" " + TraceText.of(error));
    }
}
