package lessonbook.bench.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The app image {@code mvn -Pdist package} makes (Linux layout: {@code bin/Lessonbook}, {@code lib/runtime},
 * {@code lib/app}), as the benchmark and the image's test start it: its own runtime's {@code java} with the JVM
 * options its launcher reads from {@code lib/app/Lessonbook.cfg} (the class-data archive among them), so a probe
 * main class starts exactly as the launcher starts the app.
 */
public record AppImage(Path root) {
    /** Where the build puts it; {@code -Dlessonbook.bench.appImage=DIR} names another. */
    public static final Path DEFAULT = Path.of("target", "dist", "Lessonbook");

    /** The image, if one is built where expected (else why not, for a one-line skip message). */
    public static Optional<AppImage> find() {
        Path root = Path.of(System.getProperty("lessonbook.bench.appImage", DEFAULT.toString()));
        AppImage image = new AppImage(root.toAbsolutePath());
        return Files.isExecutable(image.launcher()) && Files.isExecutable(image.java()) ? Optional.of(image)
                : Optional.empty();
    }

    public static String howToBuild() {
        return "no app image at " + Path.of(System.getProperty("lessonbook.bench.appImage", DEFAULT.toString()))
                + " (build it with `mvn -B -Pdist package -DskipTests`, which needs a JDK with jpackage)";
    }

    public Path launcher() {
        return root.resolve("bin").resolve("Lessonbook");
    }

    public Path java() {
        return root.resolve("lib").resolve("runtime").resolve("bin").resolve("java");
    }

    public Path appDir() {
        return root.resolve("lib").resolve("app");
    }

    /** The launcher's JVM options ({@code java-options=} lines of the .cfg, {@code $APPDIR} filled in). */
    public List<String> jvmOptions() throws IOException {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(appDir().resolve("Lessonbook.cfg"))) {
            if (line.startsWith("java-options=")) {
                options.add(line.substring("java-options=".length()).replace("$APPDIR", appDir().toString()));
            }
        }
        return options;
    }

    /** A command that runs {@code mainClass} as the launcher runs the app: the image's java, options and jar. */
    public List<String> command(String mainClass, List<String> extraOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java().toString());
        command.addAll(jvmOptions());
        command.addAll(extraOptions);
        command.add("-cp");
        command.add(appDir().resolve("lessonbook.jar").toString());
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }
}
