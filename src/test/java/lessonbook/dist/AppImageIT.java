package lessonbook.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lessonbook.bench.ui.AppImage;

/**
 * The app image as a teacher gets it ({@code mvn -B -Pdist verify} builds it, then runs this): it runs with no
 * JDK on the PATH, its kernel and workers run on its own runtime, it stays under its size budget and its
 * class-data archive maps. Named *IT so the normal build's test run leaves it out; without an image (no
 * jpackage, or the profile not used) it is skipped, saying why.
 */
class AppImageIT {
    static final long MAX_BYTES = 250L * 1024 * 1024;
    private static AppImage image;

    @TempDir
    Path dir;

    @BeforeAll
    static void findImage() {
        image = AppImage.find().orElse(null);
        if (skipReason() != null) {
            // Said in the build log too: a skipped class is otherwise only "Tests run: 0" there.
            System.err.println("AppImageIT skipped: " + skipReason());
        }
    }

    @BeforeEach
    void needsTheImage() {
        assumeTrue(skipReason() == null, skipReason());
    }

    private static String skipReason() {
        if (!System.getProperty("os.name").toLowerCase().contains("linux")) {
            return "the app image test checks the Linux layout (bin/Lessonbook, lib/runtime); this is "
                    + System.getProperty("os.name");
        }
        return image != null ? null : AppImage.howToBuild() + "; jpackage in this JDK: "
                + Files.exists(Path.of(System.getProperty("java.home"), "bin", "jpackage"));
    }

    @Test
    void runsALessonWithNoJdkOnThePathKernelAndWorkersOnTheImagesRuntime() throws Exception {
        Path lesson = Files.writeString(dir.resolve("homes.md"), String.join("\n",
                "# Homes", "", "```java", "import lessonbook.workers.*;",
                "System.out.println(\"kernel \" + System.getProperty(\"java.home\"));",
                "var w = new Worker(() -> System.out.println(\"worker \" + System.getProperty(\"java.home\")));",
                "w.start(); w.join();", "```", ""));

        Result run = launch(List.of(image.launcher().toString(), "run", lesson.toString(), "--cell-timeout", "120"));

        String runtime = image.root().resolve("lib").resolve("runtime").toString();
        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output).contains("kernel " + runtime).containsPattern("\\[Worker-1 \\d+] worker " + runtime);
    }

    @Test
    void theLauncherAnswersCommandsAndBundlesTheLessonsAndAssets() throws Exception {
        Result version = launch(List.of(image.launcher().toString(), "--version"));

        assertThat(version.exit).as(version.output).isZero();
        assertThat(version.output).contains("Lessonbook");
        assertThat(image.appDir().resolve("lessons").resolve("multiprocessing.md")).isRegularFile();
        assertThat(image.appDir().resolve("assets").resolve("images").resolve("processes-vs-threads.png"))
                .isRegularFile();
    }

    @Test
    void keepsTheJdkPartsTheKernelNeedsAndStaysUnderItsSizeBudget() throws Exception {
        String release = Files.readString(image.root().resolve("lib/runtime/release"));

        assertThat(release).contains("jdk.jshell").contains("jdk.compiler").doesNotContain("javafx");
        assertThat(image.java()).isExecutable();
        try (Stream<Path> files = Files.walk(image.root())) {
            long bytes = files.filter(Files::isRegularFile).mapToLong(AppImageIT::size).sum();
            assertThat(bytes).as("image size in bytes").isLessThan(MAX_BYTES);
        }
    }

    @Test
    void itsClassDataArchiveMaps() throws Exception {
        // -Xshare:on makes a JVM whose archive does not map (a jar rebuilt after the dump) refuse to start.
        Result run = launch(image.command("lessonbook.Main", List.of("-Xshare:on"), "--version"));

        assertThat(run.exit).as(run.output).isZero();
        assertThat(image.jvmOptions()).anyMatch(o -> o.startsWith("-XX:SharedArchiveFile="));
    }

    private record Result(int exit, String output) {
    }

    /** With an environment holding no JDK: PATH only /usr/bin:/bin, a fresh HOME, no JAVA_HOME. */
    private Result launch(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", Files.createDirectories(dir.resolve("home")).toString());
        Path out = dir.resolve("output-" + System.nanoTime() + ".txt");
        Process process = builder.redirectOutput(out.toFile()).start();
        if (!process.waitFor(240, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("no answer in 240 s from " + command + ":\n" + Files.readString(out));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
