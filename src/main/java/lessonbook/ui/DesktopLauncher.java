package lessonbook.ui;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

import javafx.application.Application;

import lessonbook.kernel.client.JvmKernel;
import lessonbook.kernel.client.Kernel;
import lessonbook.kernel.client.KernelLauncher;

/**
 * Starts the desktop app from a plain {@code main} (a class that does not extend Application, so a plain
 * classpath launch works). {@code lessonbook.Main} calls {@link #open(Path)}.
 */
public final class DesktopLauncher {
    private static volatile Path lesson;
    private static volatile Supplier<Kernel> kernels = DesktopLauncher::processKernel;
    private static volatile LessonStore store = LessonStore.files();
    private static volatile java.util.concurrent.CompletableFuture<ViewSettings> viewSettings;

    private DesktopLauncher() {
    }

    /** Opens the lesson (or a new one when null) and blocks until the last window closed. */
    public static void open(Path lessonFile) {
        prepare(lessonFile);
        Application.launch(DesktopApp.class);
    }

    /**
     * What {@link #open} does before JavaFX starts: remembers the lesson and starts reading it meanwhile
     * ({@link LessonReadAhead}). The first-frame probe calls it too, so that it starts as the app does.
     */
    public static void prepare(Path lessonFile) {
        lesson = lessonFile;
        viewSettings = ViewSettings.readAhead();
        store = lessonFile == null ? LessonStore.files() : new LessonReadAhead(LessonStore.files(), lessonFile);
    }

    /** How the teacher last set the window up, read meanwhile; null when the launcher did not start the app. */
    static java.util.concurrent.CompletableFuture<ViewSettings> viewSettings() {
        return viewSettings;
    }

    /** The store the app's windows read and save lessons with. */
    static LessonStore lessonStore() {
        return store;
    }

    /** Which kernel the app starts; set before {@link #open}. */
    public static void setKernelFactory(Supplier<Kernel> factory) {
        kernels = Objects.requireNonNull(factory, "factory");
    }

    /** The kernel the app starts (a niced kernel JVM unless {@link #setKernelFactory} chose another). */
    public static Supplier<Kernel> kernelFactory() {
        return kernels;
    }

    static Path lesson() {
        return lesson;
    }

    /**
     * How much lower the kernel's CPU priority is than the window's. A cell that prints or computes flat out
     * keeps a core busy in the kernel (and its workers); on a two-core classroom laptop the window's FX thread
     * and renderer then wait for a core behind it, and the window stalls. Niced, the kernel still gets every
     * core the window does not need, so a cell runs as fast as before when the window is idle.
     * {@code -Dlessonbook.kernel.niceness=0} turns it off.
     */
    static final int KERNEL_NICENESS = Integer.getInteger("lessonbook.kernel.niceness", 10);

    /**
     * A kernel JVM (started in the background; cells queue until it is ready). Asked for by a window being built, it
     * starts once that window's first frame is drawn: starting beside it, the kernel JVM's second of CPU delayed
     * that frame on two cores, while the kernel is ready ~1.3 s after it starts, before a teacher's first Run. A
     * window showing a notebook in another language holds it back until it shows one that runs
     * ({@link Kernel#setNeeded}).
     */
    static Kernel processKernel() {
        KernelLauncher launcher = KernelLauncher.standard().withNiceness(KERNEL_NICENESS);
        if (!javafx.application.Platform.isFxApplicationThread()) {
            return JvmKernel.start(launcher);
        }
        java.util.concurrent.CompletableFuture<Void> framed = new java.util.concurrent.CompletableFuture<>();
        // completed off the FX thread: starting the process is the completing thread's work
        AfterFirstFrame.run(() -> framed.completeAsync(() -> null));
        return JvmKernel.startWhen(launcher, framed);
    }

    public static void main(String[] args) {
        open(args.length > 0 ? Path.of(args[0]) : null);
    }
}
