package lessonbook.ui;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

import javafx.application.Application;

import lessonbook.kernel.client.JvmKernel;
import lessonbook.kernel.client.Kernel;

/**
 * Starts the desktop app from a plain {@code main} (a class that does not extend Application, so a plain
 * classpath launch works). {@code lessonbook.Main} calls {@link #open(Path)}.
 */
public final class DesktopLauncher {
    private static volatile Path lesson;
    private static volatile Supplier<Kernel> kernels = DesktopLauncher::processKernel;

    private DesktopLauncher() {
    }

    /** Opens the lesson (or a new one when null) and blocks until the last window closed. */
    public static void open(Path lessonFile) {
        lesson = lessonFile;
        Application.launch(DesktopApp.class);
    }

    /** Which kernel the app starts; set before {@link #open}. */
    public static void setKernelFactory(Supplier<Kernel> factory) {
        kernels = Objects.requireNonNull(factory, "factory");
    }

    static Supplier<Kernel> kernelFactory() {
        return kernels;
    }

    static Path lesson() {
        return lesson;
    }

    /** A kernel JVM (started in the background; cells queue until it is ready). */
    static Kernel processKernel() {
        return JvmKernel.start();
    }

    public static void main(String[] args) {
        open(args.length > 0 ? Path.of(args[0]) : null);
    }
}
