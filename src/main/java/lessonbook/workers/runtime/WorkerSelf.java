package lessonbook.workers.runtime;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Inside a worker JVM: who this worker is, the class loader of its user classes, and the {@link WorkerHost} that
 * workers it starts itself (nested workers) use. Their lines go to this worker's own stdout, tagged, so they
 * reach the cell through this worker's pump.
 */
final class WorkerSelf implements WorkerHost {
    private final String name;
    private final boolean daemon;
    private final int depth;
    private volatile List<String> userClasspath;
    private volatile long generation;
    private volatile ClassLoader loader;

    WorkerSelf(Messages.Assign assign) {
        this.name = assign.name();
        this.daemon = assign.daemon();
        this.depth = assign.depth();
        useClasses(assign.userClasspath(), assign.generation(), assign.variables());
    }

    /**
     * A fresh loader per generation, so redefined classes are read anew; the variables' values are set as their
     * cells' classes load (see {@link NotebookClassLoader}).
     */
    void useClasses(List<String> classpath, long newGeneration, List<Messages.VariableValue> variables) {
        userClasspath = classpath;
        generation = newGeneration;
        loader = classpath.isEmpty() ? WorkerMain.class.getClassLoader()
                // unnamed: a loader's name prefixes every frame of a worker's printed trace ("user-gen-5//REPL...")
                : new NotebookClassLoader(null, urls(classpath),
                        WorkerMain.class.getClassLoader(), name, variables);
        Thread.currentThread().setContextClassLoader(loader);
    }

    @Override
    public int depth() {
        return depth;
    }

    long generation() {
        return generation;
    }

    ClassLoader loader() {
        return loader;
    }

    static URL[] urls(List<String> classpath) {
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = Path.of(classpath.get(i)).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(classpath.get(i), e);
            }
        }
        return urls;
    }

    /** Runs a {@link Worker}'s task; its exception is printed on stderr, as an uncaught one would be. */
    int runOnce(Messages.RunOnce once) {
        Runnable task;
        try {
            task = TaskCodec.runnable(once.task(), loader);
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            System.err.println("lessonbook: worker " + name + " could not load its task: " + e);
            return WorkerMain.EXIT_TASK_FAILED;
        }
        try {
            task.run();
            return 0;
        } catch (Throwable t) {
            System.err.print("Exception in worker \"" + name + "\" " + PrintedTrace.of(t));
            return WorkerMain.EXIT_TASK_FAILED;
        }
    }

    String name() {
        return name;
    }

    boolean daemon() {
        return daemon;
    }

    @Override
    public List<Path> runtimeClasspath() {
        return StandaloneHost.javaClassPath();
    }

    @Override
    public List<Path> userClasspath() {
        List<Path> paths = new ArrayList<>();
        for (String p : userClasspath) {
            paths.add(Path.of(p));
        }
        return paths;
    }

    @Override
    public long classGeneration() {
        return generation;
    }

    @Override
    public List<TopLevelVariable> topLevelVariables() {
        return List.of();
    }

    @Override
    public WorkerEvents eventsForCaller() {
        return StandaloneHost.PRINTING_EVENTS;
    }

    @Override
    public void warn(String message) {
        System.err.println("warning: " + message);
    }

    @Override
    public String processName() {
        return name;
    }

    @Override
    public boolean isDaemonProcess() {
        return daemon;
    }
}
